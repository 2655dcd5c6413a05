import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { Offer } from "../routing/routing.types.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import type { ReviewRequestIntent } from "./review.types.js";

/**
 * SPEC §4.5: closing a routed opportunity as won asks its Contact for a review of the target
 * whose offer was accepted. Null when nothing is due: not a move into won, not routed, or a
 * client the team may not know (nobody to write to).
 */
export const reviewRequestFor = (
  before: Pick<Opportunity, "status">,
  after: Opportunity,
  offers: readonly Offer[],
): ReviewRequestIntent | null => {
  if (before.status === "won" || after.status !== "won") return null;
  if (isContactHidden(after)) return null;
  const accepted = offers.find(
    (offer) => offer.opportunityId === after.id && offer.status === "accepted",
  );
  if (accepted === undefined) return null;
  return {
    type: "review-request",
    id: `review-request:${after.id}:${accepted.id}`,
    opportunityId: after.id,
    contactId: after.contact.id,
    targetId: accepted.targetId,
  };
};
