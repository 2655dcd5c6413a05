import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { activitiesRoute } from "./activities.route.js";
import { changeOwnerRoute } from "./change-owner.route.js";
import { changeStageRoute } from "./change-stage.route.js";
import { createOpportunityRoute } from "./create-opportunity.route.js";
import { getOpportunityRoute } from "./get-opportunity.route.js";
import { listOpportunitiesRoute } from "./list/list-opportunities.route.js";
import { patchOpportunityRoute } from "./patch-opportunity.route.js";

/** The opportunity routes of CONTRACTS.md but those of its roles, notes and first contact. */
export const opportunityRoutes = (deps: RouteDeps): ApiRoute[] => [
  listOpportunitiesRoute(deps),
  createOpportunityRoute(deps),
  getOpportunityRoute(deps),
  patchOpportunityRoute(deps),
  changeOwnerRoute(deps),
  changeStageRoute(deps),
  activitiesRoute(deps),
];
