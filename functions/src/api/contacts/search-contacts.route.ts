import { z } from "zod";
import type { RouteDeps } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { contactSchema } from "./contact.schema.js";
import { isHiddenClient, opportunitiesOfContact, presentContact } from "./contact-access.js";

const query = z.object({
  q: z.string().trim().min(1, "is required").max(100),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

export const searchContactsRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "searchContacts",
    method: "GET",
    route: "contacts",
    summary:
      "Searches the tenant's contacts by the start of a name, a later word of it, email or company",
    tag: "Contacts",
    query,
    responses: {
      200: {
        description: "Matching contacts; hidden marketplace clients are never among them",
        schema: z.object({ items: z.array(contactSchema) }),
      },
    },
    async handler({ query, principal }) {
      const { tenantId } = principal;
      // SPEC §4.1: participants are picked from the whole tenant's contacts, so search is
      // tenant-wide for sellers too. A hidden client is left out rather than redacted: a
      // redacted hit for "García" would still tell that a hidden client is called García.
      const found = await deps.store.searchContacts(tenantId, query.q, query.limit ?? 20);
      const hidden = await Promise.all(
        found.map(async (contact) =>
          isHiddenClient(await opportunitiesOfContact(deps, tenantId, contact.id)),
        ),
      );
      return {
        body: {
          items: found
            .filter((_, index) => !hidden[index])
            .map((contact) => presentContact(contact, false)),
        },
      };
    },
  });
