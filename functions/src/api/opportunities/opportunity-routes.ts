import type { RouteDeps } from "../api-context.js";
import type { ApiRoute } from "../api-route.js";
import { activitiesRoute } from "./activities.route.js";
import { changeOwnerRoute } from "./change-owner.route.js";
import { changeStageRoute } from "./change-stage.route.js";
import { createOpportunityRoute } from "./create-opportunity.route.js";
import { firstContactRoute } from "./first-contact.route.js";
import { followerRoutes } from "./followers.routes.js";
import { getOpportunityRoute } from "./get-opportunity.route.js";
import { listOpportunitiesRoute } from "./list-opportunities.route.js";
import { noteRoutes } from "./notes.routes.js";
import { participantRoutes } from "./participants.routes.js";
import { patchOpportunityRoute } from "./patch-opportunity.route.js";

/** The opportunity routes of CONTRACTS.md, for apiRoutes. */
export const opportunityRoutes = (deps: RouteDeps): ApiRoute[] => [
  listOpportunitiesRoute(deps),
  createOpportunityRoute(deps),
  getOpportunityRoute(deps),
  patchOpportunityRoute(deps),
  firstContactRoute(deps),
  changeOwnerRoute(deps),
  changeStageRoute(deps),
  ...followerRoutes(deps),
  ...participantRoutes(deps),
  ...noteRoutes(deps),
  activitiesRoute(deps),
];
