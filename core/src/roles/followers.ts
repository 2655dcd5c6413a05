import { type Outcome, unchanged } from "../changes/change-set.js";
import { MAX_FOLLOWERS, type Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { assertCanEdit, assertCanRead } from "../permissions/permissions.js";
import { DomainError, validationError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Viewer } from "../user/user.types.js";
import { changeRoles } from "./role-outcome.js";

export type FollowInput = { opportunity: Opportunity };
export type FollowerInput = { opportunity: Opportunity; userId: string };

const signedIn = (ctx: UseCaseContext): Viewer => {
  if (ctx.actor === null)
    throw new DomainError("invalid-state", "Only a signed-in user can follow.");
  return ctx.actor;
};

/** Following and muting are for oneself, and need only read access. */
const signedInReader = (opportunity: Opportunity, ctx: UseCaseContext): Viewer => {
  const actor = signedIn(ctx);
  assertInTenant(opportunity, ctx.tenantId);
  assertCanRead(actor, opportunity, ctx.settings);
  return actor;
};

const withFollower = (
  before: Opportunity,
  userId: string,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  if (before.followers.includes(userId)) return unchanged(before);
  if (before.followers.length >= MAX_FOLLOWERS) {
    throw new DomainError(
      "invalid-state",
      `An opportunity can have at most ${MAX_FOLLOWERS} followers.`,
    );
  }
  return changeRoles(
    before,
    { followers: [...before.followers, userId] },
    { type: "follower-added", userId },
    ctx,
  );
};

const withoutFollower = (
  before: Opportunity,
  userId: string,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  if (!before.followers.includes(userId)) return unchanged(before);
  return changeRoles(
    before,
    {
      followers: before.followers.filter((id) => id !== userId),
      mutedBy: before.mutedBy.filter((id) => id !== userId),
    },
    { type: "follower-removed", userId },
    ctx,
  );
};

const followerId = (userId: string): string => {
  const id = typeof userId === "string" ? userId.trim() : "";
  if (id === "" || id.length > 128) throw validationError("userId", "must be a user id");
  return id;
};

/** Anyone who may read an opportunity may follow it; following twice changes nothing. */
export const followOpportunity = (
  input: FollowInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const actor = signedInReader(input.opportunity, ctx);
  return withFollower(input.opportunity, actor.userId, ctx);
};

export const unfollowOpportunity = (
  input: FollowInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const actor = signedInReader(input.opportunity, ctx);
  return withoutFollower(input.opportunity, actor.userId, ctx);
};

/** SPEC §4.1: the owner and managers add and remove other people as followers. */
export const addFollower = (input: FollowerInput, ctx: UseCaseContext): Outcome<Opportunity> => {
  assertInTenant(input.opportunity, ctx.tenantId);
  assertCanEdit(ctx.actor, input.opportunity, ctx.settings);
  return withFollower(input.opportunity, followerId(input.userId), ctx);
};

export const removeFollower = (input: FollowerInput, ctx: UseCaseContext): Outcome<Opportunity> => {
  assertInTenant(input.opportunity, ctx.tenantId);
  assertCanEdit(ctx.actor, input.opportunity, ctx.settings);
  return withoutFollower(input.opportunity, followerId(input.userId), ctx);
};

/** A follower silences an opportunity's cards for themselves; nobody else is told. */
export const muteOpportunity = (input: FollowInput, ctx: UseCaseContext): Outcome<Opportunity> =>
  setMuted(input.opportunity, true, ctx);

export const unmuteOpportunity = (input: FollowInput, ctx: UseCaseContext): Outcome<Opportunity> =>
  setMuted(input.opportunity, false, ctx);

const setMuted = (
  before: Opportunity,
  muted: boolean,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const actor = signedInReader(before, ctx);
  if (muted && !before.followers.includes(actor.userId)) {
    throw new DomainError("invalid-state", "Only a follower can mute an opportunity.");
  }
  if (before.mutedBy.includes(actor.userId) === muted) return unchanged(before);
  const mutedBy = muted
    ? [...before.mutedBy, actor.userId]
    : before.mutedBy.filter((id) => id !== actor.userId);
  const after = reviseOpportunity(before, { mutedBy }, ctx);
  return { value: after, changes: [opportunityChange(before, after)], schedule: [], cancel: [] };
};
