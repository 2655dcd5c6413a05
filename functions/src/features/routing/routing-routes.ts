import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { routeOpportunityRoute } from "./route-opportunity.route.js";
import { targetRoutes } from "./targets/target-routes.js";

/** SPEC §4.5: the routing catalog (managers) and routing an opportunity to it. */
export const routingRoutes = (deps: RouteDeps): ApiRoute[] => [
  ...targetRoutes(deps),
  routeOpportunityRoute(deps),
];
