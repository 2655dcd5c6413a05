import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { firstContactRoute } from "../first-contact/first-contact.route.js";
import { noteRoutes } from "../note/notes.routes.js";
import { followerRoutes } from "../roles/followers.routes.js";
import { participantRoutes } from "../roles/participants.routes.js";
import { activitiesRoute } from "./activities.route.js";
import { changeOwnerRoute } from "./change-owner.route.js";
import { changeStageRoute } from "./change-stage.route.js";
import { createOpportunityRoute } from "./create-opportunity.route.js";
import { getOpportunityRoute } from "./get-opportunity.route.js";
import { listOpportunitiesRoute } from "./list/list-opportunities.route.js";
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
