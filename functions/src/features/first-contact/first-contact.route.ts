import { firstContactBody, idParams, opportunitySchema } from "@dealflow/contract";
import type { FirstContactChoice } from "@dealflow/core";
import type { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { opportunityAnswer, renamingFields } from "../opportunity/index.js";
import { recordFirstContact } from "./first-contact.service.js";

type Body = z.output<typeof firstContactBody>;

const choiceOf = (body: Body): FirstContactChoice => {
  switch (body.action) {
    case "ready-for-proposal":
      return {
        action: body.action,
        needs: body.needs,
        budget: body.budget,
        timing: body.timing,
        notes: body.notes,
      };
    case "second-contact":
      return { action: body.action, delayHours: body.delayHours };
    case "discard":
      return { action: body.action, reason: body.reason ?? "", text: body.notes };
  }
};

/** SPEC §4.2's three buttons on a row of the first- or second-contact queue. */
export const firstContactRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "recordFirstContact",
    method: "POST",
    route: "opportunities/{id}/first-contact",
    summary: "Record the first contact: ready for proposal, second contact, or discard",
    tag: "Opportunities",
    params: idParams,
    body: firstContactBody,
    responses: {
      200: { description: "The opportunity after the action", schema: opportunitySchema },
      403: { description: "Only the owner or a manager records contact" },
      404: { description: "No such opportunity, or not one the user may see" },
      409: { description: "It is not waiting for first contact" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      const saved = await renamingFields({ text: "notes" }, () =>
        recordFirstContact(
          deps,
          viewerOf(principal),
          params.id,
          choiceOf(body),
          ifMatchOf(request),
        ),
      );
      return opportunityAnswer(saved);
    },
  });
