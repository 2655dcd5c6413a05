import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { listDiscardedRoute } from "./discarded/discarded.route.js";
import { discardedCsvRoute } from "./discarded/discarded-csv.route.js";
import { firstContactTimesRoute } from "./first-contact-times.route.js";
import { sourcesReportRoute } from "./sources-report.route.js";

/** SPEC §4.7, the managers' reports: conversions, first-contact times, discarded contacts. */
export const reportRoutes = (deps: RouteDeps): ApiRoute[] => [
  listDiscardedRoute(deps),
  discardedCsvRoute(deps),
  sourcesReportRoute(deps),
  firstContactTimesRoute(deps),
];
