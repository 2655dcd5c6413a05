import { idParams, opportunitySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { opportunityResponse } from "./opportunity.schema.js";
import { loadOpportunity } from "./opportunity-access.js";

export const getOpportunityRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "getOpportunity",
    method: "GET",
    route: "opportunities/{id}",
    summary: "One opportunity, with its ETag for a later write",
    tag: "Opportunities",
    params: idParams,
    responses: {
      200: { description: "The opportunity", schema: opportunitySchema },
      404: { description: "No such opportunity, or not one the user may see" },
    },
    async handler({ params, principal }) {
      const { ctx, opportunity } = await loadOpportunity(deps, principal, params.id);
      return {
        body: opportunityResponse(opportunity, ctx.settings, ctx.actor),
        etag: opportunity.version,
      };
    },
  });
