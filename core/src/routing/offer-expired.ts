import type { Outcome } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Deadline } from "../sla/deadline.types.js";
import type { SkipReason } from "../sla/deadline-firing.js";
import { offersExhausted } from "./offers-exhausted.js";
import type { Offer, RoutingCatalog } from "./routing.types.js";
import { offerClosedChange } from "./routing-notifications.js";

export type OfferExpiryFiring =
  | ({ fire: true } & Outcome<Offer>)
  | { fire: false; reason: SkipReason };

export type OfferExpiredInput = {
  deadline: Deadline;
  /** The deadline's subject, as read now. */
  offer: Offer | null;
  opportunity: Opportunity | null;
  /** Every offer of the opportunity, the expiring one included. */
  offers: readonly Offer[];
  catalog: RoutingCatalog;
};

/**
 * SPEC §5 routing offer expiry: a still pending offer whose window ended expires; its card is
 * closed (`offer-closed`), and when it was the last one standing the managers are asked to choose another
 * target. The offer's write is conditional on its version, so a second sweep cannot repeat it.
 */
export const offerExpired = (input: OfferExpiredInput, ctx: UseCaseContext): OfferExpiryFiring => {
  const { deadline, offer, opportunity } = input;
  if (Date.parse(deadline.dueAt) > ctx.now.getTime()) return { fire: false, reason: "not-due-yet" };
  if (offer === null) return { fire: false, reason: "subject-gone" };
  if (offer.status !== "pending") return { fire: false, reason: "subject-settled" };
  if (deadline.expect !== null && Date.parse(deadline.expect) !== Date.parse(offer.expiresAt)) {
    return { fire: false, reason: "subject-moved" };
  }
  const expired = {
    ...offer,
    status: "expired" as const,
    answeredAt: iso(ctx.now),
    answeredBy: null,
  };
  const others = input.offers.filter((other) => other.id !== offer.id);
  const proposal =
    opportunity === null || opportunity.status !== "open"
      ? null
      : offersExhausted(opportunity.id, [...others, expired], input.catalog, ctx);
  return {
    fire: true,
    value: expired,
    changes: [
      { entity: "offer", before: offer, after: expired },
      offerClosedChange(expired, ctx),
      ...(proposal === null ? [] : [proposal]),
    ],
    schedule: [],
    cancel: [],
  };
};
