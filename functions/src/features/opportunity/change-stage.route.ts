import { changeStage } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { idParams, idSchema } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { withReviewRequest } from "../reviews/review-request.hook.js";
import { opportunitySchema } from "./opportunity.schema.js";
import { commitOpportunity, loadOpportunity, renamingFields } from "./opportunity-access.js";

/** The board's drag and drop: won and lost close the opportunity, other stages reopen it. */
export const changeStageRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "changeOpportunityStage",
    method: "PUT",
    route: "opportunities/{id}/stage",
    summary: "Move the opportunity to another stage of its pipeline",
    tag: "Opportunities",
    params: idParams,
    body: z.object({ stage: idSchema }),
    responses: {
      200: { description: "The opportunity in its new stage", schema: opportunitySchema },
      403: { description: "Only the owner or a manager moves it" },
      404: { description: "No such opportunity, or not one the user may see" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      const { ctx, opportunity } = await loadOpportunity(deps, principal, params.id);
      const outcome = await renamingFields({ stageId: "stage" }, () =>
        changeStage({ opportunity: baseVersion(opportunity, request), stageId: body.stage }, ctx),
      );
      // Closing a routed opportunity as won asks its Contact for a review, in the same commit.
      return commitOpportunity(
        deps,
        ctx,
        await withReviewRequest(deps.store, ctx, opportunity, outcome),
      );
    },
  });
