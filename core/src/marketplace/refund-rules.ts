import type { MarketplaceApplication, RefundState } from "../opportunity/opportunity.types.js";
import type { RefundReason } from "./marketplace.types.js";

export type RefundDecision = { refund: RefundState; refundReason: RefundReason | null };

/**
 * SPEC §4.4: a declined application's fee is refunded, unless a meeting was held or the
 * decline came at or after the scheduled meeting time. Our reading for a decline after the
 * reveal: the fee bought the contact, which the team has had, so it is not refunded either.
 * Without a fee there is nothing to refund.
 */
export const refundOnDecline = (
  application: Pick<MarketplaceApplication, "meetingHeld" | "meetingAt" | "fee" | "visibility">,
  declinedAt: Date,
): RefundDecision => {
  const notEligible = (refundReason: RefundReason): RefundDecision => ({
    refund: "not-eligible",
    refundReason,
  });
  if (application.meetingHeld) return notEligible("meeting-held");
  if (application.meetingAt !== null && declinedAt.getTime() >= Date.parse(application.meetingAt)) {
    return notEligible("declined-after-meeting-time");
  }
  if (application.visibility === "revealed") return notEligible("declined-after-reveal");
  if (application.fee === null || application.fee.amount === 0) {
    return { refund: "none", refundReason: null };
  }
  return { refund: "eligible", refundReason: null };
};
