import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { intakeRoute } from "./intake.route.js";
import type { SenderLimits } from "./sender-limits.js";

export const intakeRoutes = (deps: RouteDeps, limits?: SenderLimits): ApiRoute[] => [
  intakeRoute(deps, limits),
];
