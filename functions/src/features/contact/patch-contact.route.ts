import { contactDetailSchema, contactPatchSchema, idParams } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { editContact } from "./contact.service.js";
import { presentContact } from "./contact-access.js";

export const patchContactRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "patchContact",
    method: "PATCH",
    route: "contacts/{id}",
    summary:
      "Edits a contact's profile; a classification sets its tag and replaces its follow-up (SPEC §4.3)",
    tag: "Contacts",
    params: idParams,
    body: contactPatchSchema,
    responses: {
      200: { description: "The contact as it is now", schema: contactDetailSchema },
    },
    async handler({ params, body, principal, request }) {
      const { classification, opportunityId, ...fields } = body;
      const edit = {
        fields,
        ...(classification !== undefined ? { classification } : {}),
        ...(opportunityId !== undefined ? { opportunityId } : {}),
      };
      const edited = await editContact(
        deps,
        viewerOf(principal),
        params.id,
        edit,
        ifMatchOf(request),
      );
      return {
        body: {
          ...presentContact(edited.contact, edited.hidden),
          opportunities: edited.opportunities,
          permissions: { edit: edited.canEdit },
        },
        etag: edited.version,
      };
    },
  });
