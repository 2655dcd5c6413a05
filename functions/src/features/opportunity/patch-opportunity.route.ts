import { idParams, opportunitySchema, patchOpportunityBody } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { editOpportunity } from "./opportunity.service.js";
import { opportunityAnswer } from "./opportunity-answer.js";

/**
 * SPEC §4.1: edits the details (owner, stage and roles have their own routes, hence a strict
 * body). With If-Match the write is based on the client's copy: a stale one gets 412; the
 * commit itself is conditional, so of two writes based on the same version one wins.
 */
export const patchOpportunityRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "patchOpportunity",
    method: "PATCH",
    route: "opportunities/{id}",
    summary: "Edit an opportunity's title, value, tags, campaign or source",
    tag: "Opportunities",
    params: idParams,
    body: patchOpportunityBody,
    responses: {
      200: { description: "The opportunity as saved", schema: opportunitySchema },
      403: { description: "The user may see but not edit it (a follower)" },
      404: { description: "No such opportunity, or not one the user may see" },
      412: { description: "If-Match is stale: someone changed it since" },
    },
    async handler({ params, body, principal, request }) {
      const saved = await editOpportunity(
        deps,
        viewerOf(principal),
        params.id,
        body,
        ifMatchOf(request),
      );
      return opportunityAnswer(saved);
    },
  });
