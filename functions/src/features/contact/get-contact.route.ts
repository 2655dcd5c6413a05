import { contactDetailSchema, idParams } from "@dealflow/contract";
import { canEditContact } from "@dealflow/core";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { opportunitiesOfContact, presentContact, visibleOpportunities } from "./contact-access.js";
import { readableContact } from "./readable-contact.js";

export const getContactRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "getContact",
    method: "GET",
    route: "contacts/{id}",
    summary: "A contact's profile with the opportunities of theirs the user may see",
    tag: "Contacts",
    params: idParams,
    responses: {
      200: {
        description: "The contact (redacted while a hidden client)",
        schema: contactDetailSchema,
      },
    },
    async handler({ params, principal }) {
      const ctx = await userContext(deps, principal);
      const { contact, hidden } = await readableContact(deps, ctx, params.id);
      const opportunities = await opportunitiesOfContact(deps, principal.tenantId, contact.id);
      return {
        body: {
          ...presentContact(contact, hidden),
          opportunities: ctx.actor
            ? visibleOpportunities(ctx.actor, opportunities, ctx.settings)
            : [],
          permissions: { edit: canEditContact(ctx.actor, opportunities, ctx.settings) },
        },
        etag: contact.version,
      };
    },
  });
