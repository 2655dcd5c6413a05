import type { OpportunityListItem as Opportunity } from "@dealflow/contract";

const WATCHED = ["stage", "status", "ownerId", "source", "campaign", "title"] as const;
export type WatchedField = (typeof WATCHED)[number] | "contact";

/** Which fields another user changed between the version we read and the current one. */
export const describeChanges = (before: Opportunity, after: Opportunity): WatchedField[] => {
  const changed: WatchedField[] = WATCHED.filter((field) => before[field] !== after[field]);
  if (JSON.stringify(before.contact) !== JSON.stringify(after.contact)) changed.push("contact");
  return changed;
};
