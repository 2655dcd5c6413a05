import type { EntityChange } from "../changes/change-set.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { rankTargets } from "./rank-targets.js";
import type { Offer, RoutingCatalog, RoutingTarget } from "./routing.types.js";
import { chooseAnotherTargetChange } from "./routing-notifications.js";
import { openOffersByTarget } from "./routing-outcome.js";

/** Targets that can receive an offer: someone must be there to answer it. */
export const canReceiveOffers = (
  target: RoutingTarget,
): target is RoutingTarget & { userId: string } => target.userId !== null;

/**
 * SPEC §4.5: when every offer of an opportunity has expired or been declined, the managers
 * choose another target, with the next-ranked ones (by the criteria of the latest offer,
 * none already offered) proposed: a `choose-another-target` outbox row. Null while an offer
 * is pending or accepted, or none was sent. The id counts the offers, so the same round
 * proposes once however it ended.
 */
export const offersExhausted = (
  opportunityId: string,
  offers: readonly Offer[],
  catalog: RoutingCatalog,
  ctx: UseCaseContext,
): EntityChange | null => {
  const own = offers.filter((offer) => offer.opportunityId === opportunityId);
  if (own.length === 0) return null;
  if (own.some((offer) => offer.status === "pending" || offer.status === "accepted")) return null;
  const latest = own.reduce((a, b) => (Date.parse(b.sentAt) >= Date.parse(a.sentAt) ? b : a));
  const offered = new Set(own.map((offer) => offer.targetId));
  const candidates = catalog.targets.filter(
    (target) => canReceiveOffers(target) && !offered.has(target.id),
  );
  const ranked = rankTargets(latest.criteria, candidates, openOffersByTarget(catalog.openOffers));
  const count = Math.max(0, ctx.settings.routingOffersAtOnce);
  return chooseAnotherTargetChange(
    opportunityId,
    own.length,
    ranked.slice(0, count).map((target) => target.id),
    ctx,
  );
};
