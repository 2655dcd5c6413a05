import {
  contactSchema,
  createContactBody,
  DUPLICATE_CONTACT_TYPE,
  duplicateContactProblemSchema,
} from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { presentContact } from "./contact-access.js";
import { addContact } from "./create-contact.service.js";

export const createContactRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "createContact",
    method: "POST",
    route: "contacts",
    summary: "Creates a contact (any signed-in user); an email already known offers that contact",
    tag: "Contacts",
    body: createContactBody,
    responses: {
      201: { description: "The new contact", schema: contactSchema },
      400: { description: "A field is missing or invalid (errors name it)" },
      409: {
        description: "Another contact has this email: it is offered (send allowDuplicate to add)",
        schema: duplicateContactProblemSchema,
        contentType: "application/problem+json",
      },
    },
    async handler({ body, principal }) {
      const { allowDuplicate = false, ...fields } = body;
      const added = await addContact(deps, viewerOf(principal), fields, { allowDuplicate });
      if (!added.created) {
        return {
          status: 409,
          contentType: "application/problem+json",
          body: {
            type: DUPLICATE_CONTACT_TYPE,
            status: 409,
            title: "Conflict",
            detail: "Another contact has this email; use it, or add this one anyway.",
            duplicateOf: presentContact(added.duplicateOf, false),
          },
        };
      }
      return {
        status: 201,
        body: presentContact(added.contact, false),
        etag: added.version,
        headers: { Location: `/api/contacts/${encodeURIComponent(added.contact.id)}` },
      };
    },
  });
