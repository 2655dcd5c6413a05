import { activityChange } from "../activity/new-activity.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Deadline } from "../sla/deadline.types.js";
import type { SkipReason } from "../sla/deadline-firing.js";
import type { MarketplaceOutcome } from "./marketplace.types.js";
import { revealContact } from "./reveal-contact.js";

/** What a visibility clock does when it fires: the change to commit, or nothing and why. */
export type VisibilityFiring =
  | ({ fire: true } & MarketplaceOutcome<Opportunity>)
  | { fire: false; reason: SkipReason };

const skip = (reason: SkipReason): VisibilityFiring => ({ fire: false, reason });

/**
 * The fired clock's opportunity, while it still waits for it: due, present, hidden, applied
 * when the clock started, and still holding the clock. The fired ref leaves the opportunity
 * in the same conditional write, so a second sweep or a retried run finds it gone and skips.
 */
const stillWaiting = (
  deadline: Deadline,
  opportunity: Opportunity | null,
  now: Date,
): { opportunity: Opportunity; waiting: Opportunity } | SkipReason => {
  if (Date.parse(deadline.dueAt) > now.getTime()) return "not-due-yet";
  if (opportunity === null) return "subject-gone";
  const application = opportunity.marketplace;
  if (application === null || application.visibility !== "hidden") return "subject-settled";
  if (
    deadline.expect !== null &&
    Date.parse(deadline.expect) !== Date.parse(application.appliedAt)
  ) {
    return "subject-moved";
  }
  if (!opportunity.deadlines.some((ref) => ref.id === deadline.id)) return "subject-settled";
  const waiting = {
    ...opportunity,
    deadlines: opportunity.deadlines.filter((ref) => ref.id !== deadline.id),
  };
  return { opportunity, waiting };
};

/**
 * SPEC §4.4/§5 24 h mark: the marketplace reminds the client; we record "client reminded" on
 * the timeline, which tells the owner and the followers.
 */
export const marketplaceReminderFired = (
  deadline: Deadline,
  opportunity: Opportunity | null,
  ctx: UseCaseContext,
): VisibilityFiring => {
  const found = stillWaiting(deadline, opportunity, ctx.now);
  if (typeof found === "string") return skip(found);
  const after = reviseOpportunity(found.waiting, {}, ctx);
  return {
    fire: true,
    value: after,
    changes: [
      opportunityChange(found.opportunity, after),
      activityChange(after.id, { type: "client-reminded" }, ctx),
    ],
    schedule: [],
    cancel: [],
    intents: [],
  };
};

/** SPEC §4.4/§5 48 h mark: no reaction, so the contact is revealed automatically. */
export const marketplaceRevealFired = (
  deadline: Deadline,
  opportunity: Opportunity | null,
  ctx: UseCaseContext,
): VisibilityFiring => {
  const found = stillWaiting(deadline, opportunity, ctx.now);
  if (typeof found === "string") return skip(found);
  return { fire: true, ...revealContact(found.opportunity, found.waiting, true, ctx) };
};
