import type { RouteDeps } from "../api-context.js";
import type { ApiRoute } from "../api-route.js";
import { intakeRoute } from "./intake.route.js";
import type { RateLimit } from "./rate-limiter.js";

export const intakeRoutes = (deps: RouteDeps, limit?: RateLimit): ApiRoute[] => [
  intakeRoute(deps, limit),
];
