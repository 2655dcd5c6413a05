import { MINUTE_MS } from "../shared/time.js";
import { minutesToFirstContact, type ReportedOpportunity } from "./first-contact-minutes.js";
import { median, percentile } from "./percentiles.js";

export type OwnerFirstContactTimes = {
  /** null: the unassigned opportunities. */
  ownerId: string | null;
  /** Opportunities received in the period. */
  count: number;
  /** Of those, the ones with a first contact recorded. */
  contacted: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Contacted later than the target, or still waiting past it now. */
  breaches: number;
};

export type FirstContactTimesReport = {
  targetMinutes: number;
  owners: OwnerFirstContactTimes[];
};

const isBreach = (opportunity: ReportedOpportunity, targetMinutes: number, now: Date): boolean => {
  const minutes = minutesToFirstContact(opportunity);
  if (minutes !== null) return minutes > targetMinutes;
  // One never contacted (discarded without a recorded first contact, or closed) is not waiting.
  if (opportunity.status !== "open" || opportunity.firstContact.state !== "awaiting") return false;
  return now.getTime() - new Date(opportunity.receivedAt).getTime() > targetMinutes * MINUTE_MS;
};

/** SPEC §4.7: time to first contact per owner, slowest median first, against the target. */
export const firstContactTimes = (
  opportunities: readonly ReportedOpportunity[],
  options: { targetMinutes: number; now: Date },
): FirstContactTimesReport => {
  const groups = new Map<string | null, ReportedOpportunity[]>();
  for (const opportunity of opportunities) {
    groups.set(opportunity.ownerId, [...(groups.get(opportunity.ownerId) ?? []), opportunity]);
  }
  const owners = [...groups].map(([ownerId, group]): OwnerFirstContactTimes => {
    const minutes = group
      .map(minutesToFirstContact)
      .filter((value): value is number => value !== null);
    return {
      ownerId,
      count: group.length,
      contacted: minutes.length,
      medianMinutes: median(minutes),
      p90Minutes: percentile(minutes, 90),
      breaches: group.filter((o) => isBreach(o, options.targetMinutes, options.now)).length,
    };
  });
  owners.sort(
    (a, b) =>
      (b.medianMinutes ?? -1) - (a.medianMinutes ?? -1) ||
      (a.ownerId ?? "").localeCompare(b.ownerId ?? ""),
  );
  return { targetMinutes: options.targetMinutes, owners };
};
