import type { Opportunity } from "../opportunity/opportunity.types.js";
import { assertCanEdit, canEdit, isManager } from "../permissions/permissions.js";
import type { Settings } from "../settings/settings.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Viewer } from "../user/user.types.js";
import type { Task } from "./task.types.js";

/**
 * Who may complete, reschedule or cancel a task, as a yes or no for an answer to say (the
 * tab offers Done only where it would succeed): the same rule `assertCanChangeTask` guards.
 */
export const canChangeTask = (
  viewer: Viewer,
  task: Pick<Task, "tenantId" | "ownerId">,
  opportunity: Opportunity | null,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): boolean => {
  if (viewer.tenantId !== task.tenantId) return false;
  if (viewer.userId === task.ownerId) return true;
  return opportunity === null
    ? isManager(viewer, settings)
    : canEdit(viewer, opportunity, settings);
};

/**
 * Who may complete, reschedule or cancel a task: its owner, whoever may edit its
 * opportunity, and a manager for a task that belongs to no opportunity.
 */
export const assertCanChangeTask = (
  task: Task,
  opportunity: Opportunity | null,
  ctx: UseCaseContext,
): void => {
  assertInTenant(task, ctx.tenantId);
  if ((opportunity?.id ?? null) !== task.opportunityId) {
    throw new DomainError("invalid-state", "A task must be given with its own opportunity.");
  }
  const actor = ctx.actor;
  if (actor === null || actor.userId === task.ownerId) return;
  if (opportunity !== null) {
    assertCanEdit(actor, opportunity, ctx.settings);
    return;
  }
  if (!isManager(actor, ctx.settings)) {
    throw new DomainError("not-found", "The task does not exist.");
  }
};

export const assertOpen = (task: Task): void => {
  if (task.status !== "open") {
    throw new DomainError("invalid-state", `The task is already ${task.status}.`);
  }
};
