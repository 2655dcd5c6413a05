import type { EntityChange } from "../changes/change-set.js";
import type {
  ClosedOfferStatus,
  NotificationDetails,
  NotificationIntent,
} from "../notification/notification.types.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Offer } from "./routing.types.js";

/** The outbox id of an offer's card: delivery finds the message to update by it. */
export const offerSentNotificationId = (offerId: string): string => `offer-sent:${offerId}`;

/** An offer closes once (pending → anything else), so its id needs nothing more. */
export const offerClosedNotificationId = (offerId: string): string => `offer-closed:${offerId}`;

/**
 * One prompt per round: the id counts the opportunity's offers, so the same round ending by a
 * decline and an expiry at once (or a retried write) proposes once.
 */
export const chooseAnotherTargetNotificationId = (opportunityId: string, offerCount: number) =>
  `choose-another-target:${opportunityId}:${offerCount}`;

const outboxChange = (
  id: string,
  opportunityId: string,
  details: NotificationDetails,
  ctx: UseCaseContext,
): EntityChange => {
  const after: NotificationIntent = {
    tenantId: ctx.tenantId,
    id,
    createdAt: iso(ctx.now),
    opportunityId,
    actorId: ctx.actor?.userId ?? null,
    deliveredAt: null,
    ...details,
  };
  return { entity: "notification", before: null, after };
};

/** SPEC §4.5: the target's user gets a card with Accept / Decline. */
export const offerSentChange = (offer: Offer, ctx: UseCaseContext): EntityChange =>
  outboxChange(
    offerSentNotificationId(offer.id),
    offer.opportunityId,
    { type: "offer-sent", offerId: offer.id },
    ctx,
  );

/** The offer's card shows its final state (accepted, declined, expired, withdrawn). */
export const offerClosedChange = (
  offer: Offer & { status: ClosedOfferStatus },
  ctx: UseCaseContext,
): EntityChange =>
  outboxChange(
    offerClosedNotificationId(offer.id),
    offer.opportunityId,
    { type: "offer-closed", offerId: offer.id, status: offer.status },
    ctx,
  );

/** SPEC §4.5: the managers (personally and in the pipeline's channels) choose another target. */
export const chooseAnotherTargetChange = (
  opportunityId: string,
  offerCount: number,
  proposedTargetIds: string[],
  ctx: UseCaseContext,
): EntityChange =>
  outboxChange(
    chooseAnotherTargetNotificationId(opportunityId, offerCount),
    opportunityId,
    { type: "choose-another-target", proposedTargetIds },
    ctx,
  );
