import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { firstContactTimesRoute } from "./first-contact-times.route.js";
import { sourcesReportRoute } from "./sources-report.route.js";

export const reportRoutes = (deps: RouteDeps): ApiRoute[] => [
  sourcesReportRoute(deps),
  firstContactTimesRoute(deps),
];
