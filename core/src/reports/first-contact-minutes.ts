import type { Opportunity } from "../opportunity/opportunity.types.js";
import { MINUTE_MS } from "../shared/time.js";

/** What the reports read of an opportunity. */
export type ReportedOpportunity = Pick<
  Opportunity,
  "source" | "campaign" | "status" | "receivedAt" | "ownerId" | "firstContact"
>;

/**
 * Minutes from reception to the first contact recorded (any of the three actions of SPEC
 * §4.2); null while none is recorded. A lead whose sender's clock ran ahead counts as 0.
 */
export const minutesToFirstContact = (opportunity: ReportedOpportunity): number | null => {
  const recordedAt = opportunity.firstContact.recordedAt;
  if (recordedAt === null) return null;
  const ms = new Date(recordedAt).getTime() - new Date(opportunity.receivedAt).getTime();
  return Math.max(0, Math.round(ms / MINUTE_MS));
};
