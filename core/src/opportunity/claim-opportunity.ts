import { activityChange } from "../activity/new-activity.js";
import type { EntityChange, Outcome } from "../changes/change-set.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Opportunity } from "./opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "./revise-opportunity.js";

/**
 * SPEC §4.6: a seller takes an unassigned opportunity from its channel post (Claim). Anyone
 * of the tenant who sees the post may claim it while it has no owner: the post is the
 * invitation. Once it has an owner, only a change of owner (owner or manager) moves it.
 */
export const claimOpportunity = (
  input: { opportunity: Opportunity },
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const before = input.opportunity;
  assertInTenant(before, ctx.tenantId);
  const actor = ctx.actor;
  if (actor === null) throw new DomainError("invalid-state", "Only a signed-in user can claim.");
  if (before.ownerId !== null) {
    throw new DomainError("invalid-state", "The opportunity already has an owner.");
  }
  if (before.status !== "open") {
    throw new DomainError("invalid-state", `The opportunity is already ${before.status}.`);
  }
  const after = reviseOpportunity(before, { ownerId: actor.userId }, ctx);
  const changes: EntityChange[] = [
    opportunityChange(before, after),
    activityChange(before.id, { type: "owner-changed", from: null, to: actor.userId }, ctx),
  ];
  return { value: after, changes, schedule: [], cancel: [] };
};
