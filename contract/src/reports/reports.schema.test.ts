import { describe, expect, it } from "vitest";
import { periodQuery, sourcesReportSchema } from "./reports.schema.js";

const stats = {
  count: 4,
  open: 1,
  discarded: 1,
  won: 1,
  lost: 1,
  discardedShare: 0.25,
  wonShare: 0.25,
  lostShare: 0.25,
  medianMinutesToFirstContact: 42,
};

describe("the reports' wire shapes", () => {
  it("reads the sources report as GET /api/reports/sources answers it", () => {
    const answered = {
      from: "2026-11-06T00:00:00.000Z",
      to: "2026-12-06T00:00:00.000Z",
      total: stats,
      sources: [{ source: "web", ...stats, campaigns: [{ campaign: null, ...stats }] }],
    };

    expect(sourcesReportSchema.parse(answered)).toEqual(answered);
  });

  it("refuses a period longer than 366 days, naming from", () => {
    const result = periodQuery.safeParse({
      from: "2025-01-01T00:00:00Z",
      to: "2026-01-03T00:00:00Z",
    });

    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["from"]);
  });
});
