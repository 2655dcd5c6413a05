import { parseIso } from "../shared/time.js";
import { type Deadline, type DeadlineRef, deadlineId } from "../sla/deadline.types.js";
import type { Offer } from "./routing.types.js";

/**
 * SPEC §5 routing offer expiry, at the end of the response window. `expect` is the offer's
 * expiry, so the hint of an offer re-sent with a new window is ignored.
 */
export const offerExpiryDeadline = (offer: Offer): Deadline => ({
  id: deadlineId("offer-expiry", offer.id, parseIso(offer.expiresAt)),
  tenantId: offer.tenantId,
  kind: "offer-expiry",
  subjectId: offer.id,
  dueAt: offer.expiresAt,
  expect: offer.expiresAt,
});

/** The offer's expiry clock, derived: an offer has exactly one, so it keeps no refs. */
export const offerExpiryRef = (offer: Offer): DeadlineRef => {
  const { id, kind, dueAt } = offerExpiryDeadline(offer);
  return { id, kind, dueAt };
};
