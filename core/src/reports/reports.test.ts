import { describe, expect, it } from "vitest";
import type { ReportedOpportunity } from "./first-contact-minutes.js";
import { firstContactTimes } from "./first-contact-times.js";
import { median, percentile } from "./percentiles.js";
import { sourceReport } from "./source-report.js";

const RECEIVED = "2026-03-02T09:00:00.000Z";
const NOW = new Date("2026-03-02T12:00:00.000Z");

/** An opportunity received at 09:00 and first contacted `minutes` later (null: not yet). */
const opp = (
  overrides: Partial<ReportedOpportunity> & { minutes?: number | null } = {},
): ReportedOpportunity => {
  const { minutes = 10, ...rest } = overrides;
  return {
    source: "web",
    campaign: null,
    status: "open",
    receivedAt: RECEIVED,
    ownerId: "ana",
    firstContact:
      minutes === null
        ? { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null }
        : {
            state: "done",
            recordedAt: new Date(Date.parse(RECEIVED) + minutes * 60_000).toISOString(),
            action: "ready-for-proposal",
            secondContactDueAt: null,
          },
    ...rest,
  };
};

describe("median and percentile", () => {
  it.each([
    { values: [], median: null, p90: null },
    { values: [7], median: 7, p90: 7 },
    { values: [3, 1, 2], median: 2, p90: 3 },
    { values: [4, 1, 3, 2], median: 2.5, p90: 4 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], median: 5.5, p90: 9 },
  ])("of $values: median $median, p90 $p90", ({ values, median: m, p90 }) => {
    expect(median(values)).toBe(m);
    expect(percentile(values, 90)).toBe(p90);
  });
});

describe("sourceReport", () => {
  it("counts each status and its share per source and campaign", () => {
    const report = sourceReport([
      opp({ source: "web", campaign: "spring", status: "won", minutes: 10 }),
      opp({ source: "web", campaign: "spring", status: "discarded", minutes: 30 }),
      opp({ source: "web", campaign: null, status: "lost", minutes: 20 }),
      opp({ source: "web", campaign: null, status: "open", minutes: null }),
      opp({ source: "referral", status: "won", minutes: 5 }),
    ]);
    expect(report.total).toMatchObject({ count: 5, won: 2, wonShare: 0.4 });
    const [web, referral] = report.sources;
    expect(web).toMatchObject({
      source: "web",
      count: 4,
      open: 1,
      won: 1,
      lost: 1,
      discarded: 1,
      wonShare: 0.25,
      lostShare: 0.25,
      discardedShare: 0.25,
      medianMinutesToFirstContact: 20,
    });
    expect(web?.campaigns.map((c) => [c.campaign, c.count, c.medianMinutesToFirstContact])).toEqual(
      [
        [null, 2, 20],
        ["spring", 2, 20],
      ],
    );
    expect(referral).toMatchObject({ source: "referral", count: 1, wonShare: 1 });
  });

  it("answers an empty period with zeros, not NaN", () => {
    expect(sourceReport([])).toEqual({
      total: {
        count: 0,
        open: 0,
        discarded: 0,
        won: 0,
        lost: 0,
        discardedShare: 0,
        wonShare: 0,
        lostShare: 0,
        medianMinutesToFirstContact: null,
      },
      sources: [],
    });
  });

  it("counts a lead whose sender's clock ran ahead as contacted at once", () => {
    expect(sourceReport([opp({ minutes: -5 })]).total.medianMinutesToFirstContact).toBe(0);
  });
});

describe("firstContactTimes", () => {
  it.each<{ case: string; opportunity: ReportedOpportunity; breach: number }>([
    { case: "contacted within the target", opportunity: opp({ minutes: 15 }), breach: 0 },
    { case: "contacted after the target", opportunity: opp({ minutes: 16 }), breach: 1 },
    { case: "still waiting past the target", opportunity: opp({ minutes: null }), breach: 1 },
    {
      case: "still waiting within the target",
      opportunity: opp({ minutes: null, receivedAt: "2026-03-02T11:50:00.000Z" }),
      breach: 0,
    },
    {
      case: "discarded without a first contact",
      opportunity: opp({
        minutes: null,
        status: "discarded",
        firstContact: {
          state: "done",
          recordedAt: null,
          action: "discard",
          secondContactDueAt: null,
        },
      }),
      breach: 0,
    },
  ])("counts a breach for an opportunity $case: $breach", ({ opportunity, breach }) => {
    const report = firstContactTimes([opportunity], { targetMinutes: 15, now: NOW });
    expect(report.owners[0]?.breaches).toBe(breach);
  });

  it("gives count, median and p90 per owner, slowest first", () => {
    const report = firstContactTimes(
      [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 100].map((minutes) => opp({ ownerId: "ana", minutes })),
        opp({ ownerId: "luis", minutes: 60 }),
        opp({ ownerId: "luis", minutes: null }),
        opp({ ownerId: null, minutes: null }),
      ],
      { targetMinutes: 15, now: NOW },
    );
    expect(report.owners).toEqual([
      { ownerId: "luis", count: 2, contacted: 1, medianMinutes: 60, p90Minutes: 60, breaches: 2 },
      { ownerId: "ana", count: 10, contacted: 10, medianMinutes: 5.5, p90Minutes: 9, breaches: 1 },
      { ownerId: null, count: 1, contacted: 0, medianMinutes: null, p90Minutes: null, breaches: 1 },
    ]);
    expect(report.targetMinutes).toBe(15);
  });
});
