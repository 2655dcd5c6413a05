import { changeOwnerBody, idParams, opportunitySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { changeOwner } from "./opportunity.service.js";
import { opportunityAnswer } from "./opportunity-answer.js";

/**
 * SPEC §4.2: hands an opportunity (and its previous owner's open tasks) to another user. A
 * hand-over too big for one atomic write is refused as 409 with a reason, never half done.
 */
export const changeOwnerRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "changeOpportunityOwner",
    method: "PUT",
    route: "opportunities/{id}/owner",
    summary: "Give the opportunity to another owner",
    tag: "Opportunities",
    params: idParams,
    body: changeOwnerBody,
    responses: {
      200: { description: "The opportunity with its new owner", schema: opportunitySchema },
      403: { description: "Only the owner or a manager hands it over" },
      404: { description: "No such opportunity, or not one the user may see" },
      409: { description: "Too many open tasks to move in one step" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      const saved = await changeOwner(
        deps,
        viewerOf(principal),
        params.id,
        body.ownerId,
        ifMatchOf(request),
      );
      return opportunityAnswer(saved);
    },
  });
