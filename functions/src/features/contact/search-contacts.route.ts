import { contactSearchQuery, contactSearchSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { presentContact } from "./contact-access.js";
import { contactDirectory } from "./contact-directory.js";

export const searchContactsRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "searchContacts",
    method: "GET",
    route: "contacts",
    summary:
      "Searches the tenant's contacts by the start of a name, a later word of it, email or company",
    tag: "Contacts",
    query: contactSearchQuery,
    responses: {
      200: {
        description: "Matching contacts; hidden marketplace clients are never among them",
        schema: contactSearchSchema,
      },
    },
    async handler({ query, principal }) {
      // SPEC §4.1: participants are picked from the whole tenant's contacts, so search is
      // tenant-wide for sellers too; hidden clients are never among the hits (SPEC §4.4).
      const found = await contactDirectory(deps.store).search(
        principal.tenantId,
        query.q,
        query.limit ?? 20,
      );
      return { body: { items: found.map((contact) => presentContact(contact, false)) } };
    },
  });
