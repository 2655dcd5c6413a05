import type { Outcome } from "../changes/change-set.js";
import type { NotificationIntent } from "../notification/notification.types.js";
import type { RoutingTarget } from "../routing/routing.types.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { addDays, iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { applyReview } from "./apply-review.js";
import type { Review, ReviewLink, ReviewRequestIntent } from "./review.types.js";

/** How long a client may use a review link (SPEC §8: signed links expire). */
export const REVIEW_LINK_DAYS = 30;

/**
 * The outbox row and the link of a review request, written with the move into won: the mail
 * goes out only if the move is stored, and the link exists before anyone can click it.
 */
export const requestReview = (
  intent: ReviewRequestIntent,
  ctx: Pick<UseCaseContext, "now" | "tenantId" | "actor">,
): Outcome<ReviewLink> => {
  const link: ReviewLink = {
    tenantId: ctx.tenantId,
    id: intent.id,
    opportunityId: intent.opportunityId,
    contactId: intent.contactId,
    targetId: intent.targetId,
    createdAt: iso(ctx.now),
    expiresAt: iso(addDays(ctx.now, REVIEW_LINK_DAYS)),
    usedAt: null,
    reviewId: null,
  };
  const notification: NotificationIntent = {
    tenantId: ctx.tenantId,
    id: intent.id,
    createdAt: iso(ctx.now),
    opportunityId: intent.opportunityId,
    actorId: ctx.actor?.userId ?? null,
    deliveredAt: null,
    type: "review-request",
    contactId: intent.contactId,
    targetId: intent.targetId,
  };
  return {
    value: link,
    changes: [
      { entity: "review-link", before: null, after: link },
      { entity: "notification", before: null, after: notification },
    ],
    schedule: [],
    cancel: [],
  };
};

export type ReviewLinkState = "open" | "used" | "expired";

/** A used link stays used after it expires: the client is told they already answered. */
export const reviewLinkState = (link: ReviewLink, now: Date): ReviewLinkState => {
  if (link.usedAt !== null) return "used";
  return Date.parse(link.expiresAt) <= now.getTime() ? "expired" : "open";
};

/**
 * The client's answer to a review link: the review, the target's new standing (applyReview)
 * and the link marked used, as one change set. Storage writes the link and the target on the
 * versions read, so two submits racing write once; the loser gets a conflict.
 */
export const submitReview = (
  input: { link: ReviewLink; target: RoutingTarget; stars: unknown; text?: unknown },
  ctx: UseCaseContext,
): Outcome<Review> => {
  const { link } = input;
  assertInTenant(link, ctx.tenantId);
  const state = reviewLinkState(link, ctx.now);
  if (state !== "open") {
    throw new DomainError("invalid-state", `The review link is ${state}.`);
  }
  if (input.target.id !== link.targetId) {
    throw new DomainError("invalid-state", "The review link names another target.");
  }
  const applied = applyReview(
    {
      target: input.target,
      opportunityId: link.opportunityId,
      stars: input.stars,
      text: input.text,
    },
    ctx,
  );
  const { review } = applied.value;
  return {
    value: review,
    changes: [
      ...applied.changes,
      { entity: "review", before: null, after: review },
      {
        entity: "review-link",
        before: link,
        after: { ...link, usedAt: review.createdAt, reviewId: review.id },
      },
    ],
    schedule: [],
    cancel: [],
  };
};
