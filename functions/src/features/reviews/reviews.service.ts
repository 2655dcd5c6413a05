import { DomainError, type Review, submitReview, type Viewer } from "@dealflow/core";
import { systemContext } from "../../service-kit/acting-context.js";
import { assertManager } from "../../service-kit/assert-manager.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import type { Page, PageRequest } from "../../storage/paging.js";
import { openReviewLink } from "./review-links.js";

/** How a client's submission ended; only `saved` wrote anything. */
export type SubmissionResult =
  | { kind: "saved"; review: Review; targetName: string }
  | { kind: "invalid"; fields: string[]; targetName: string; projectTitle: string }
  | { kind: "not-found" | "expired" | "used" };

// A manager saving the target at the same moment makes the commit conflict; that is retried.
// A second submit of the link conflicts too, and the retry then finds the link used.
const ATTEMPTS = 3;

/**
 * SPEC §4.5 and §8: the review, the target's new rating, review count and completed projects,
 * and the link marked used, in one ETag-conditional commit, so a double submit or a race
 * writes once. Invalid input writes nothing.
 */
export const submitClientReview = async (
  deps: ServiceDeps,
  token: string,
  form: { stars: unknown; text: unknown },
): Promise<SubmissionResult> => {
  const { store } = deps;
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock();
    const opened = await openReviewLink(store, token, now);
    if (opened.kind !== "open") return { kind: opened.kind };
    const { link } = opened;
    const [target, opportunity, ctx] = await Promise.all([
      store.getRoutingTarget(link.tenantId, link.targetId),
      store.getOpportunity(link.tenantId, link.opportunityId),
      systemContext({ ...deps, clock: () => now }, link.tenantId),
    ]);
    if (target === null || opportunity === null) return { kind: "not-found" };
    try {
      const outcome = submitReview({ link, target, stars: form.stars, text: form.text }, ctx);
      await store.commit(link.tenantId, outcome);
      return { kind: "saved", review: outcome.value, targetName: target.name };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === "validation") {
        return {
          kind: "invalid",
          fields: [...new Set(error.errors.map((e) => e.path))],
          targetName: target.name,
          projectTitle: opportunity.title,
        };
      }
      if (error.code !== "conflict" || attempt >= ATTEMPTS) throw error;
    }
  }
};

/** SPEC §4.5: the clients' reviews of the routing targets, newest first (managers). */
export const listReviews = async (
  deps: ServiceDeps,
  actor: Viewer,
  filter: { targetId?: string },
  page: PageRequest,
): Promise<Page<Review>> => {
  await assertManager(deps, actor, "Only managers manage routing.");
  return deps.store.listReviews(actor.tenantId, filter, page);
};
