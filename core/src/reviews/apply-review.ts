import type { Outcome } from "../changes/change-set.js";
import type { RoutingTarget } from "../routing/routing.types.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, invalidInput, optionalText } from "../shared/validation.js";
import type { Review } from "./review.types.js";

export const MAX_REVIEW_TEXT_LENGTH = 2_000;

export type ApplyReviewInput = {
  target: RoutingTarget;
  opportunityId: string;
  stars: unknown;
  text?: unknown;
};

const validStars = (value: unknown, errors: FieldErrors): number | null => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 5) {
    errors.push({ path: "stars", message: "must be a whole number from 1 to 5" });
    return null;
  }
  return value;
};

/**
 * SPEC §4.5: a review moves the target's rating (the mean of every review), its review count
 * and its completed projects, which feed the ranking. Only reviewed projects count as
 * completed: a target cannot climb the ranking by marking deals won that no client confirms.
 * The review record is the caller's to keep with the target's write (the value carries it).
 */
export const applyReview = (
  input: ApplyReviewInput,
  ctx: UseCaseContext,
): Outcome<{ review: Review; target: RoutingTarget }> => {
  const before = input.target;
  assertInTenant(before, ctx.tenantId);
  const errors: FieldErrors = [];
  const stars = validStars(input.stars, errors);
  const text = optionalText(input.text, "text", MAX_REVIEW_TEXT_LENGTH, errors);
  if (stars === null || errors.length > 0) throw invalidInput(errors, "The review is not valid.");

  const review: Review = {
    tenantId: ctx.tenantId,
    id: ctx.ids(),
    opportunityId: input.opportunityId,
    targetId: before.id,
    stars,
    text,
    createdAt: iso(ctx.now),
  };
  const after: RoutingTarget = {
    ...before,
    rating: runningMean(before.rating, before.reviewCount, stars),
    reviewCount: before.reviewCount + 1,
    completedProjects: before.completedProjects + 1,
  };
  return {
    value: { review, target: after },
    changes: [{ entity: "routing-target", before, after }],
    schedule: [],
    cancel: [],
  };
};

/** The mean of `count` ratings averaging `mean`, with one more. */
export const runningMean = (mean: number, count: number, next: number): number =>
  count <= 0 ? next : (mean * count + next) / (count + 1);
