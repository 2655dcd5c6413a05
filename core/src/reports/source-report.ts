import { minutesToFirstContact, type ReportedOpportunity } from "./first-contact-minutes.js";
import { median } from "./percentiles.js";

/** One group's conversions (SPEC §4.7): shares are fractions of `count`, 0–1. */
export type ConversionStats = {
  count: number;
  open: number;
  discarded: number;
  won: number;
  lost: number;
  discardedShare: number;
  wonShare: number;
  lostShare: number;
  /** Over the opportunities with a first contact recorded; null if none has one. */
  medianMinutesToFirstContact: number | null;
};

export type CampaignRow = ConversionStats & { campaign: string | null };
export type SourceRow = ConversionStats & { source: string; campaigns: CampaignRow[] };
export type SourceReport = { total: ConversionStats; sources: SourceRow[] };

const share = (part: number, count: number) =>
  count === 0 ? 0 : Math.round((part / count) * 10_000) / 10_000;

export const conversionStats = (opportunities: readonly ReportedOpportunity[]): ConversionStats => {
  const count = opportunities.length;
  const counted = (status: ReportedOpportunity["status"]) =>
    opportunities.filter((o) => o.status === status).length;
  const [open, discarded, won, lost] = [
    counted("open"),
    counted("discarded"),
    counted("won"),
    counted("lost"),
  ];
  const minutes = opportunities
    .map(minutesToFirstContact)
    .filter((value): value is number => value !== null);
  return {
    count,
    open,
    discarded,
    won,
    lost,
    discardedShare: share(discarded, count),
    wonShare: share(won, count),
    lostShare: share(lost, count),
    medianMinutesToFirstContact: median(minutes),
  };
};

const groupBy = <K>(
  items: readonly ReportedOpportunity[],
  keyOf: (item: ReportedOpportunity) => K,
): Map<K, ReportedOpportunity[]> => {
  const groups = new Map<K, ReportedOpportunity[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
};

// Biggest first; ties by name so the order is stable from one run to the next.
const byCountThenName =
  <T extends { count: number }>(name: (row: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || name(a).localeCompare(name(b));

/** SPEC §4.7: conversions by source, and within each source by campaign. */
export const sourceReport = (opportunities: readonly ReportedOpportunity[]): SourceReport => ({
  total: conversionStats(opportunities),
  sources: [...groupBy(opportunities, (o) => o.source)]
    .map(([source, group]) => ({
      source,
      ...conversionStats(group),
      campaigns: [...groupBy(group, (o) => o.campaign)]
        .map(([campaign, inCampaign]) => ({ campaign, ...conversionStats(inCampaign) }))
        .sort(byCountThenName((row) => row.campaign ?? "")),
    }))
    .sort(byCountThenName((row) => row.source)),
});
