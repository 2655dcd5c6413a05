import type { EntityChange, Outcome } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { isManager } from "../permissions/permissions.js";
import { DomainError, validationError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { addMinutes, iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { offerExpiryDeadline } from "./offer-deadlines.js";
import { canReceiveOffers } from "./offers-exhausted.js";
import { pickOfferTargets } from "./rank-targets.js";
import type { Offer, RoutingCatalog, RoutingCriteria, RoutingTarget } from "./routing.types.js";
import { chooseAnotherTargetChange, offerSentChange } from "./routing-notifications.js";
import { openOffersByTarget } from "./routing-outcome.js";

export type SendOffersInput = {
  opportunity: Opportunity;
  criteria: RoutingCriteria;
  /** This opportunity's offers so far, in any status. */
  offers: readonly Offer[];
  catalog: RoutingCatalog;
} & ({ mode: "automatic" } | { mode: "manual"; targetId: string });

/**
 * SPEC §4.5. Automatic: the best-ranked targets not offered yet each get an offer, keeping at
 * most `routingOffersAtOnce` pending at once. Manual: a manager picks exactly one target.
 * Each offer expires after the response window. Only targets with a user can be offered:
 * nobody else could answer. Each offer gets an `offer-sent` outbox row (its card with Accept /
 * Decline). Offering a target that already holds a pending offer writes nothing.
 */
export const sendOffers = (input: SendOffersInput, ctx: UseCaseContext): Outcome<Offer[]> => {
  const { opportunity, offers, catalog } = input;
  assertInTenant(opportunity, ctx.tenantId);
  if (ctx.actor !== null && !isManager(ctx.actor, ctx.settings)) {
    throw new DomainError("forbidden", "Only a manager can route an opportunity.");
  }
  if (opportunity.status !== "open") {
    throw new DomainError("invalid-state", "A closed opportunity is not routed.");
  }
  const own = offers.filter((offer) => offer.opportunityId === opportunity.id);
  if (own.some((offer) => offer.status === "accepted")) {
    throw new DomainError("invalid-state", "A target has already accepted this opportunity.");
  }
  const pending = own.filter((offer) => offer.status === "pending");
  const chosen =
    input.mode === "manual"
      ? manualTarget(input.targetId, catalog.targets, pending)
      : pickOfferTargets(
          input.criteria,
          catalog.targets.filter(
            (target) =>
              canReceiveOffers(target) && !own.some((offer) => offer.targetId === target.id),
          ),
          openOffersByTarget(catalog.openOffers),
          ctx.settings.routingOffersAtOnce - pending.length,
        );

  const sent = chosen.flatMap((target): Offer[] =>
    target.userId === null
      ? []
      : [
          {
            tenantId: ctx.tenantId,
            id: ctx.ids(),
            opportunityId: opportunity.id,
            targetId: target.id,
            userId: target.userId,
            mode: input.mode,
            status: "pending",
            sentAt: iso(ctx.now),
            expiresAt: iso(addMinutes(ctx.now, ctx.settings.durations.routingOfferWindowMinutes)),
            answeredAt: null,
            answeredBy: null,
            criteria: input.criteria,
          },
        ],
  );
  const changes: EntityChange[] = sent.flatMap((offer): EntityChange[] => [
    { entity: "offer", before: null, after: offer },
    offerSentChange(offer, ctx),
  ]);
  // Nobody matches and nothing is pending: the managers must choose (SPEC §4.5).
  if (input.mode === "automatic" && sent.length === 0 && pending.length === 0) {
    changes.push(chooseAnotherTargetChange(opportunity.id, own.length, [], ctx));
  }
  return { value: sent, changes, schedule: sent.map(offerExpiryDeadline), cancel: [] };
};

const manualTarget = (
  targetId: string,
  targets: readonly RoutingTarget[],
  pending: readonly Offer[],
): RoutingTarget[] => {
  const target = targets.find((candidate) => candidate.id === targetId);
  if (target === undefined)
    throw validationError("targetId", "is not a routing target of this tenant");
  if (!target.active) throw validationError("targetId", "is not active");
  if (!canReceiveOffers(target)) throw validationError("targetId", "has no user to answer offers");
  return pending.some((offer) => offer.targetId === target.id) ? [] : [target];
};
