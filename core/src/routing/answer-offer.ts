import { activityChange } from "../activity/new-activity.js";
import { type EntityChange, type Outcome, unchanged } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { isManager } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { openTasksWhere } from "../task/close-task.js";
import type { Task } from "../task/task.types.js";
import { offerExpiryRef } from "./offer-deadlines.js";
import { offersExhausted } from "./offers-exhausted.js";
import type { Offer, RoutingCatalog } from "./routing.types.js";
import { offerClosedChange } from "./routing-notifications.js";

export type OfferAnswer = "accept" | "decline";

export type AnswerOfferInput = {
  offer: Offer;
  opportunity: Opportunity;
  /** Every offer of the opportunity, the answered one included. */
  offers: readonly Offer[];
  answer: OfferAnswer;
  catalog: RoutingCatalog;
  /** The opportunity's open tasks: the previous owner's go to the new one, as in changeOwner. */
  openTasks?: readonly Task[];
};

/**
 * SPEC §4.5: the offer's user (or a manager for them) answers. The first acceptance wins: its
 * user owns the opportunity and the other pending offers are withdrawn. A decline that leaves
 * no offer standing asks the managers to choose another target. Every offer closed here gets
 * an `offer-closed` outbox row, so its card shows the final state wherever it was answered.
 * Repeating an answer already given writes nothing.
 */
export const answerOffer = (input: AnswerOfferInput, ctx: UseCaseContext): Outcome<Offer> => {
  const { offer, opportunity, answer } = input;
  assertInTenant(offer, ctx.tenantId);
  assertInTenant(opportunity, ctx.tenantId);
  const actor = ctx.actor;
  if (
    offer.opportunityId !== opportunity.id ||
    (actor !== null && actor.userId !== offer.userId && !isManager(actor, ctx.settings))
  ) {
    throw new DomainError("not-found", "The offer does not exist.");
  }
  const already = settledAnswer(offer, answer);
  if (already === "same") return unchanged(offer);
  const others = input.offers.filter((other) => other.id !== offer.id);
  if (answer === "accept") {
    if (others.some((other) => other.status === "accepted")) {
      throw new DomainError("conflict", "Another target accepted this opportunity first.");
    }
    if (Date.parse(offer.expiresAt) <= ctx.now.getTime()) {
      throw new DomainError("invalid-state", "The offer expired.");
    }
    if (opportunity.status !== "open") {
      throw new DomainError("invalid-state", "The opportunity is closed.");
    }
  }
  const answered = {
    ...offer,
    status: answer === "accept" ? ("accepted" as const) : ("declined" as const),
    answeredAt: iso(ctx.now),
    answeredBy: actor?.userId ?? null,
  };
  const base = {
    value: answered,
    changes: [
      { entity: "offer", before: offer, after: answered },
      offerClosedChange(answered, ctx),
    ] as EntityChange[],
    schedule: [],
    cancel: [offerExpiryRef(offer)],
  };
  if (answer === "decline") {
    const proposal =
      opportunity.status === "open"
        ? offersExhausted(opportunity.id, [...others, answered], input.catalog, ctx)
        : null;
    return proposal === null ? base : { ...base, changes: [...base.changes, proposal] };
  }

  const withdrawals = others
    .filter((other) => other.status === "pending")
    .map((before) => ({
      before,
      after: {
        ...before,
        status: "withdrawn" as const,
        answeredAt: iso(ctx.now),
        answeredBy: null,
      },
    }));
  return {
    ...base,
    changes: [
      ...base.changes,
      ...withdrawals.flatMap(({ before, after }): EntityChange[] => [
        { entity: "offer", before, after },
        offerClosedChange(after, ctx),
      ]),
      ...ownerChanges(opportunity, offer.userId, input.openTasks ?? [], ctx),
    ],
    cancel: [...base.cancel, ...withdrawals.map(({ before }) => offerExpiryRef(before))],
  };
};

/** "same" when the offer already carries this answer (or can no longer take it harmlessly). */
const settledAnswer = (offer: Offer, answer: OfferAnswer): "same" | "open" => {
  if (offer.status === "pending") return "open";
  if (answer === "decline" && offer.status !== "accepted") return "same";
  if (answer === "accept" && offer.status === "accepted") return "same";
  if (offer.status === "withdrawn") {
    throw new DomainError("conflict", "Another target accepted this opportunity first.");
  }
  const state = offer.status === "accepted" ? "was accepted" : `was ${offer.status}`;
  throw new DomainError("invalid-state", `The offer ${state}: it takes no other answer.`);
};

/** The winner's user owns the opportunity; the previous owner's open tasks follow. */
const ownerChanges = (
  before: Opportunity,
  ownerId: string,
  openTasks: readonly Task[],
  ctx: UseCaseContext,
): EntityChange[] => {
  if (before.ownerId === ownerId) return [];
  const after = reviseOpportunity(before, { ownerId }, ctx);
  const previous = before.ownerId;
  const moved = openTasksWhere(
    openTasks,
    (task) => task.opportunityId === before.id && previous !== null && task.ownerId === previous,
  );
  return [
    opportunityChange(before, after),
    activityChange(before.id, { type: "owner-changed", from: previous, to: ownerId }, ctx),
    ...moved.map(
      (task): EntityChange => ({ entity: "task", before: task, after: { ...task, ownerId } }),
    ),
  ];
};
