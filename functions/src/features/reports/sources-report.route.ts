import { periodQuery, type SourcesReport, sourcesReportSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { periodOf } from "./report-period.js";
import { reportSources } from "./reports.service.js";

export const sourcesReportRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "reportSources",
    method: "GET",
    route: "reports/sources",
    summary:
      "Managers: conversions (opportunities received in the period) by source and campaign, with discarded/won/lost shares and the median time to first contact",
    tag: "Reports",
    query: periodQuery,
    responses: {
      200: { description: "Shares are fractions (0–1) of count", schema: sourcesReportSchema },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      const period = periodOf(query, deps.clock());
      const report = await reportSources(deps, viewerOf(principal), period);
      const body: SourcesReport = {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        ...report,
      };
      return { body };
    },
  });
