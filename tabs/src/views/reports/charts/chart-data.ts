import type {
  ConversionStats,
  DiscardedContact,
  FirstContactTimesReport,
  SourcesReport,
} from "../../../api/reports-api.js";

/**
 * Whole percentages of `counts`, each rounded to the nearest, then nudged so that the shares
 * of one group add up to 100 where that is fair: the rounding error is moved onto the counts
 * rounded furthest, but equal counts always print equal shares (six times 1 of 6 is 17 %
 * each, not four 17 % and two 16 %), so such a sum may stay a point or two off 100.
 */
export const wholePercents = (counts: readonly number[]): number[] => {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = (count: number) => (count * 100) / total;
  const percents = counts.map((count) => Math.round(exact(count)));
  let missing = 100 - percents.reduce((sum, value) => sum + value, 0);
  const direction = Math.sign(missing);
  // How much a count gains from a point in the needed direction: most under-rounded first.
  const gain = (count: number) => (exact(count) - Math.round(exact(count))) * direction;
  const distinct = [...new Set(counts)].sort((a, b) => gain(b) - gain(a) || b - a);
  for (const count of distinct) {
    const same = counts.flatMap((value, index) => (value === count ? [index] : []));
    if (missing === 0 || gain(count) <= 0) break;
    if (same.length > Math.abs(missing)) continue;
    for (const index of same) percents[index] = (percents[index] ?? 0) + direction;
    missing -= same.length * direction;
  }
  return percents;
};

const percentOf = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part * 100) / whole);

// Biggest first; ties by label so the order is stable between loads.
const byValueThenLabel =
  <T extends { label: string }>(value: (row: T) => number) =>
  (a: T, b: T) =>
    value(b) - value(a) || a.label.localeCompare(b.label);

/** Discarded of the opportunities received in the period, with the share of them. */
export type DiscardRow = {
  key: string;
  label: string;
  received: number;
  discarded: number;
  percent: number;
};

const discardRow = (
  key: string,
  label: string,
  stats: Pick<ConversionStats, "count" | "discarded">,
) => ({
  key,
  label,
  received: stats.count,
  discarded: stats.discarded,
  percent: percentOf(stats.discarded, stats.count),
});

export const discardsBySource = (
  report: SourcesReport,
  sourceLabel: (id: string) => string,
): DiscardRow[] =>
  report.sources
    .map((row) => discardRow(row.source, sourceLabel(row.source), row))
    .sort(byValueThenLabel((row) => row.discarded));

/** A campaign may run on several sources: its rows are added up across them. */
export const discardsByCampaign = (report: SourcesReport, noCampaign: string): DiscardRow[] => {
  const totals = new Map<string | null, { count: number; discarded: number }>();
  for (const source of report.sources) {
    for (const row of source.campaigns) {
      const total = totals.get(row.campaign) ?? { count: 0, discarded: 0 };
      totals.set(row.campaign, {
        count: total.count + row.count,
        discarded: total.discarded + row.discarded,
      });
    }
  }
  return [...totals]
    .map(([campaign, stats]) => discardRow(campaign ?? "", campaign ?? noCampaign, stats))
    .sort(byValueThenLabel((row) => row.discarded));
};

export type ReasonRow = {
  key: string;
  label: string;
  count: number;
  percent: number;
  /** The sources of this reason's discards, most first. */
  bySource: { label: string; count: number }[];
};

/** The discards of the period by reason, from the discarded contacts list. */
export const discardsByReason = (
  items: readonly DiscardedContact[],
  reasonLabel: (id: string) => string,
  sourceLabel: (id: string) => string,
): ReasonRow[] => {
  const reasons = new Map<string, Map<string, number>>();
  for (const item of items) {
    const sources = reasons.get(item.reason) ?? new Map<string, number>();
    sources.set(item.source, (sources.get(item.source) ?? 0) + 1);
    reasons.set(item.reason, sources);
  }
  const rows = [...reasons].map(([reason, sources]) => ({
    key: reason,
    label: reasonLabel(reason),
    count: [...sources.values()].reduce((sum, count) => sum + count, 0),
    bySource: [...sources]
      .map(([source, count]) => ({ label: sourceLabel(source), count }))
      .sort(byValueThenLabel((row) => row.count)),
  }));
  const percents = wholePercents(rows.map((row) => row.count));
  return rows
    .map((row, index) => ({ ...row, percent: percents[index] ?? 0 }))
    .sort(byValueThenLabel((row) => row.count));
};

export const OUTCOMES = ["won", "lost", "discarded", "open"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Where the opportunities received from one source stand now, counts and whole percents. */
export type ConversionRow = {
  key: string;
  label: string;
  received: number;
  counts: Record<Outcome, number>;
  percents: Record<Outcome, number>;
  medianMinutes: number | null;
};

export const conversionRow = (
  key: string,
  label: string,
  stats: ConversionStats,
): ConversionRow => {
  const percents = wholePercents(OUTCOMES.map((outcome) => stats[outcome]));
  return {
    key,
    label,
    received: stats.count,
    counts: { won: stats.won, lost: stats.lost, discarded: stats.discarded, open: stats.open },
    percents: {
      won: percents[0] ?? 0,
      lost: percents[1] ?? 0,
      discarded: percents[2] ?? 0,
      open: percents[3] ?? 0,
    },
    medianMinutes: stats.medianMinutesToFirstContact,
  };
};

export const conversionsBySource = (
  report: SourcesReport,
  sourceLabel: (id: string) => string,
): ConversionRow[] =>
  report.sources
    .map((row) => conversionRow(row.source, sourceLabel(row.source), row))
    .sort(byValueThenLabel((row) => row.received));

export type OwnerTimesRow = {
  key: string;
  label: string;
  received: number;
  contacted: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  breaches: number;
};

/** Per owner, slowest median first as the API sorts them; names from the session. */
export const firstContactByOwner = (
  report: FirstContactTimesReport,
  nameOf: (ownerId: string | null, fallback: string | null) => string,
): OwnerTimesRow[] =>
  report.owners.map((owner) => ({
    key: owner.ownerId ?? "",
    label: nameOf(owner.ownerId, owner.ownerName),
    received: owner.count,
    contacted: owner.contacted,
    medianMinutes: owner.medianMinutes,
    p90Minutes: owner.p90Minutes,
    breaches: owner.breaches,
  }));
