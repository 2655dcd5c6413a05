import type { Offer, Opportunity, RoutingTarget, Settings, User } from "@dealflow/core";
import type { ChooseTargetInput, OfferCardInput, TargetChoice } from "./offer-cards.js";
import { showOpportunity } from "./shown.js";

/**
 * The reads behind the routing cards, the same whether the card is sent proactively
 * (functions' delivery, over the store) or re-rendered after a button (the bot's port).
 */
export type RoutingCardReads = {
  getOpportunity(tenantId: string, id: string): Promise<Opportunity | null>;
  getRoutingTarget(tenantId: string, id: string): Promise<RoutingTarget | null>;
  getUser(tenantId: string, id: string): Promise<User | null>;
};

/** An offer card's content from the stored offer; null when its opportunity is gone. */
export const offerCardInput = async (
  reads: RoutingCardReads,
  settings: Settings,
  offer: Offer,
  now: Date,
): Promise<OfferCardInput | null> => {
  const { tenantId } = offer;
  const [stored, target, answeredBy] = await Promise.all([
    reads.getOpportunity(tenantId, offer.opportunityId),
    reads.getRoutingTarget(tenantId, offer.targetId),
    offer.answeredBy === null ? null : reads.getUser(tenantId, offer.answeredBy),
  ]);
  if (stored === null) return null;
  const opportunity = showOpportunity(stored);
  return {
    offer,
    opportunity,
    targetName: target?.name ?? null,
    sourceLabel:
      settings.sources.find((source) => source.id === opportunity.source)?.label ??
      opportunity.source,
    answeredByName: answeredBy?.name ?? null,
    now,
  };
};

const choiceOf = (target: RoutingTarget): TargetChoice => ({
  id: target.id,
  name: target.name,
  type: target.type,
  level: target.level,
  rating: target.rating,
  reviewCount: target.reviewCount,
});

/**
 * The managers' card from the stored state: the proposed targets as they are now, and
 * whether someone has routed it again (pending offers) or a target accepted it since.
 */
export const chooseTargetInput = async (
  reads: RoutingCardReads,
  input: {
    opportunity: Opportunity;
    proposedTargetIds: readonly string[];
    offers: readonly Offer[];
    managerIds: readonly string[];
  },
): Promise<ChooseTargetInput> => {
  const { tenantId } = input.opportunity;
  const ids = [...new Set([...input.proposedTargetIds, ...input.offers.map((o) => o.targetId)])];
  const targets = new Map(
    (await Promise.all(ids.map((id) => reads.getRoutingTarget(tenantId, id)))).flatMap((target) =>
      target === null ? [] : [[target.id, target] as const],
    ),
  );
  const nameOf = (offer: Offer) => targets.get(offer.targetId)?.name ?? offer.targetId;
  const accepted = input.offers.find((offer) => offer.status === "accepted");
  return {
    opportunity: showOpportunity(input.opportunity),
    proposed: input.proposedTargetIds.flatMap((id) => {
      const target = targets.get(id);
      return target === undefined ? [] : [choiceOf(target)];
    }),
    pendingNames: input.offers.filter((offer) => offer.status === "pending").map(nameOf),
    acceptedName: accepted === undefined ? null : nameOf(accepted),
    refreshFor: input.managerIds,
  };
};
