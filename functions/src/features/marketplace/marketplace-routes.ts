import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import type { SenderLimits } from "../intake/index.js";
import { marketplaceEventsRoute } from "./marketplace-events.route.js";
import { marketplaceOutcomeRoute } from "./marketplace-outcome.route.js";

/**
 * The marketplace connector routes, for apiRoutes. A revealed client's meeting goes to the
 * app's calendar: Graph's, or the local outbox when Graph is not configured.
 */
export const marketplaceRoutes = (deps: RouteDeps, limits?: SenderLimits): ApiRoute[] => [
  marketplaceEventsRoute({ ...deps, calendar: deps.graph.calendar }, limits),
  marketplaceOutcomeRoute({ ...deps, calendar: deps.graph.calendar }),
];
