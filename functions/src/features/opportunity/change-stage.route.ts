import { changeStageBody, idParams, opportunitySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { changeStage } from "./opportunity.service.js";
import { renamingFields } from "./opportunity-access.js";
import { opportunityAnswer } from "./opportunity-answer.js";

/** The board's drag and drop: won and lost close the opportunity, other stages reopen it. */
export const changeStageRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "changeOpportunityStage",
    method: "PUT",
    route: "opportunities/{id}/stage",
    summary: "Move the opportunity to another stage of its pipeline",
    tag: "Opportunities",
    params: idParams,
    body: changeStageBody,
    responses: {
      200: { description: "The opportunity in its new stage", schema: opportunitySchema },
      403: { description: "Only the owner or a manager moves it" },
      404: { description: "No such opportunity, or not one the user may see" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      const saved = await renamingFields({ stageId: "stage" }, () =>
        changeStage(
          deps,
          viewerOf(principal),
          params.id,
          body.stage,
          ifMatchOf(request),
          body.reason,
        ),
      );
      return opportunityAnswer(saved);
    },
  });
