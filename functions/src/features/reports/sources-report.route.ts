import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { periodOf, periodQuery } from "./report-period.js";
import { reportSources } from "./reports.service.js";

const statsShape = {
  count: z.number(),
  open: z.number(),
  discarded: z.number(),
  won: z.number(),
  lost: z.number(),
  discardedShare: z.number(),
  wonShare: z.number(),
  lostShare: z.number(),
  medianMinutesToFirstContact: z.number().nullable(),
};

const sourceReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.object(statsShape),
  sources: z.array(
    z.object({
      source: z.string(),
      ...statsShape,
      campaigns: z.array(z.object({ campaign: z.string().nullable(), ...statsShape })),
    }),
  ),
});

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
      200: { description: "Shares are fractions (0–1) of count", schema: sourceReportSchema },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      const period = periodOf(query, deps.clock());
      const report = await reportSources(deps, viewerOf(principal), period);
      return {
        body: { from: period.from.toISOString(), to: period.to.toISOString(), ...report },
      };
    },
  });
