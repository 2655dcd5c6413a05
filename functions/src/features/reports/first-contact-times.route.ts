import {
  type FirstContactTimesReport,
  firstContactTimesReportSchema,
  periodQuery,
} from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { periodOf } from "./report-period.js";
import { reportFirstContactTimes } from "./reports.service.js";

export const firstContactTimesRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "reportFirstContactTimes",
    method: "GET",
    route: "reports/first-contact-times",
    summary:
      "Managers: per owner, the time to first contact of the opportunities received in the period (median, p90, breaches of the target)",
    tag: "Reports",
    query: periodQuery,
    responses: {
      200: {
        description:
          "Minutes; a breach is a first contact later than the target, or an opportunity still waiting past it",
        schema: firstContactTimesReportSchema,
      },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      const period = periodOf(query, deps.clock());
      const report = await reportFirstContactTimes(deps, viewerOf(principal), period);
      const body: FirstContactTimesReport = {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        targetMinutes: report.targetMinutes,
        owners: report.owners.map((owner) => ({
          ...owner,
          ownerName: owner.ownerId === null ? null : (report.ownerNames.get(owner.ownerId) ?? null),
        })),
      };
      return { body };
    },
  });
