import { activitySchema, idParams, pageOf, pageQuerySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { activityResponse } from "./opportunity.schema.js";
import { loadOpportunity } from "./opportunity-access.js";

/** The timeline, newest first; lines naming a hidden client are redacted like the client. */
export const activitiesRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listOpportunityActivities",
    method: "GET",
    route: "opportunities/{id}/activities",
    summary: "The opportunity's timeline, newest first",
    tag: "Opportunities",
    params: idParams,
    query: pageQuerySchema,
    responses: {
      200: { description: "A page of timeline lines", schema: pageOf(activitySchema) },
      404: { description: "No such opportunity, or not one the user may see" },
    },
    async handler({ params, query, principal }) {
      const { opportunity } = await loadOpportunity(deps, principal, params.id);
      const page = await deps.store.listActivities(principal.tenantId, opportunity.id, {
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      });
      return {
        body: {
          items: page.items.map((activity) => activityResponse(activity, opportunity)),
          nextCursor: page.nextCursor,
        },
      };
    },
  });
