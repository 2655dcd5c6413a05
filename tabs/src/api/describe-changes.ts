import type { OpportunityListItem as Opportunity } from "@dealflow/contract";

const WATCHED = ["stage", "status", "ownerId", "source", "campaign", "title"] as const;
export type WatchedField = (typeof WATCHED)[number] | "value" | "tags" | "contact";

/** Which fields another user changed between the version we read and the current one. */
export const describeChanges = (before: Opportunity, after: Opportunity): WatchedField[] => {
  const changed: WatchedField[] = WATCHED.filter((field) => before[field] !== after[field]);
  const differ = (field: "value" | "tags" | "contact") =>
    JSON.stringify(before[field]) !== JSON.stringify(after[field]);
  if (differ("value")) changed.push("value");
  if (differ("tags")) changed.push("tags");
  if (differ("contact")) changed.push("contact");
  return changed;
};
