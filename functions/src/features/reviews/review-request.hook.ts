import {
  type Opportunity,
  type Outcome,
  requestReview,
  reviewRequestFor,
  type UseCaseContext,
} from "@dealflow/core";
import type { Store } from "../../storage/store.js";

/**
 * SPEC §4.5: a stage change that closes a routed opportunity as won also asks its Contact for a
 * review, in the same commit (the outbox row and the single-use link). Won, reopened and won
 * again asks nothing more: the first request's link is still there.
 */
export const withReviewRequest = async (
  store: Pick<Store, "listOffersOfOpportunity" | "getReviewLink">,
  ctx: UseCaseContext,
  before: Opportunity,
  outcome: Outcome<Opportunity>,
): Promise<Outcome<Opportunity>> => {
  const after = outcome.value;
  if (outcome.changes.length === 0 || before.status === "won" || after.status !== "won") {
    return outcome;
  }
  const offers = await store.listOffersOfOpportunity(ctx.tenantId, after.id, { limit: 200 });
  const intent = reviewRequestFor(before, after, offers.items);
  if (intent === null || (await store.getReviewLink(ctx.tenantId, intent.id)) !== null) {
    return outcome;
  }
  return { ...outcome, changes: [...outcome.changes, ...requestReview(intent, ctx).changes] };
};
