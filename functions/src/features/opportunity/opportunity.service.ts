import {
  assertCanEdit,
  type CreateOpportunityInput,
  canRead,
  changeOwner as changeOwnerRule,
  changeStage as changeStageRule,
  claimOpportunity as claimRule,
  createOpportunity as createRule,
  DomainError,
  editOpportunity as editRule,
  isDomainError,
  isManager,
  type OpportunityDetailsPatch,
  type Viewer,
} from "@dealflow/core";
import { type Actor, contextOf, isSystemActor } from "../../service-kit/acting-context.js";
import { basedOn } from "../../service-kit/based-on.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { withReviewRequest } from "../reviews/index.js";
import { assertKnownUser } from "../user/index.js";
import { openTasksOf, tooManyTasks } from "./open-tasks.js";
import { loadOpportunity, type SavedOpportunity, saveOpportunity } from "./opportunity-access.js";

/** The team channel a card's button was pressed in; null in personal and group chats. */
export type ChannelOfAction = { teamId: string; channelId: string } | null;

/**
 * SPEC §4.2 "+ New" by a user (sellers create for themselves, core refuses otherwise; a
 * manager may name any active user of the tenant as owner), or a lead the system takes in.
 */
export const createOpportunity = async (
  deps: ServiceDeps,
  actor: Actor,
  input: CreateOpportunityInput,
): Promise<SavedOpportunity> => {
  const ctx = await contextOf(deps, actor);
  if (
    !isSystemActor(actor) &&
    input.ownerId !== null &&
    input.ownerId !== actor.userId &&
    isManager(actor, ctx.settings)
  ) {
    await assertKnownUser(deps, actor.tenantId, input.ownerId, "ownerId");
  }
  return saveOpportunity(deps, ctx, createRule(input, ctx));
};

/**
 * SPEC §4.1: edits the details (owner, stage and roles have their own use cases). Based on the
 * caller's version (`ifMatch`) when given: a stale one is 412, and the commit is conditional,
 * so of two writes based on the same version one wins.
 */
export const editOpportunity = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  patch: OpportunityDetailsPatch,
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  return saveOpportunity(
    deps,
    ctx,
    editRule({ opportunity: basedOn(opportunity, ifMatch), patch }, ctx),
  );
};

/**
 * SPEC §4.2: hands an opportunity (and its previous owner's open tasks) to another active
 * user. A hand-over too big for one atomic write is refused as 409 with a reason, never half
 * done.
 */
export const changeOwner = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  ownerId: string,
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  // A follower learns nothing about other users from a refused hand-over.
  assertCanEdit(ctx.actor, opportunity, ctx.settings);
  await assertKnownUser(deps, actor.tenantId, ownerId, "ownerId");
  const openTasks = await openTasksOf(deps, actor.tenantId, opportunity.id);
  const outcome = changeOwnerRule(
    { opportunity: basedOn(opportunity, ifMatch), ownerId, openTasks },
    ctx,
  );
  try {
    return await saveOpportunity(deps, ctx, outcome);
  } catch (error) {
    if (isDomainError(error) && error.code === "too-large") throw tooManyTasks(null);
    throw error;
  }
};

/**
 * The board's drag and drop: won and lost close the opportunity, other stages reopen it.
 * Closing a routed opportunity as won asks its Contact for a review in the same commit (SPEC
 * §4.5), whoever moves it.
 */
export const changeStage = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  stageId: string,
  ifMatch?: string | null,
  reason?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  const outcome = changeStageRule(
    { opportunity: basedOn(opportunity, ifMatch), stageId, reason },
    ctx,
  );
  return saveOpportunity(deps, ctx, await withReviewRequest(deps.store, ctx, opportunity, outcome));
};

/**
 * SPEC §4.6: a channel's new-opportunity post invites its members to Claim what they could
 * not read otherwise. So a claim needs a known, active user (an owner must be one) and the
 * opportunity readable, or the button pressed in a channel linked to the opportunity's
 * pipeline (where that post goes); an edited action with another opportunity's id, sent from
 * anywhere else, finds nothing.
 */
export const claimOpportunity = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  channel: ChannelOfAction,
): Promise<SavedOpportunity> => {
  const unseen = () => new DomainError("not-found", "The opportunity does not exist.");
  const [ctx, opportunity, user] = await Promise.all([
    contextOf(deps, actor),
    deps.store.getOpportunity(actor.tenantId, opportunityId),
    deps.store.getUser(actor.tenantId, actor.userId),
  ]);
  if (opportunity === null || user?.active !== true) throw unseen();
  if (!canRead(actor, opportunity, ctx.settings)) {
    const post =
      channel === null
        ? null
        : await deps.store.conversations.get(actor.tenantId, { scope: "channel", ...channel });
    if (post?.active !== true || post.pipelineId !== opportunity.pipelineId) throw unseen();
  }
  return saveOpportunity(deps, ctx, claimRule({ opportunity }, ctx));
};
