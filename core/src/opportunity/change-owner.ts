import { activityChange } from "../activity/new-activity.js";
import { type EntityChange, type Outcome, unchanged } from "../changes/change-set.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, invalidInput, optionalText } from "../shared/validation.js";
import { openTasksWhere } from "../task/close-task.js";
import type { Task } from "../task/task.types.js";
import type { Opportunity } from "./opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "./revise-opportunity.js";

export type ChangeOwnerInput = {
  opportunity: Opportunity;
  ownerId: string;
  /** The opportunity's open tasks: those of the previous owner go to the new one. */
  openTasks: readonly Task[];
};

/**
 * SPEC §4.2: hands the opportunity over. Giving it to its current owner changes nothing.
 * Task reminders need no change: they read the task's owner when they fire. The one
 * owner-changed line covers the moved tasks: no line per task, so the batch stays small.
 */
export const changeOwner = (input: ChangeOwnerInput, ctx: UseCaseContext): Outcome<Opportunity> => {
  const before = input.opportunity;
  assertInTenant(before, ctx.tenantId);
  assertCanEdit(ctx.actor, before, ctx.settings);
  const errors: FieldErrors = [];
  const ownerId = optionalText(input.ownerId, "ownerId", 128, errors);
  if (ownerId === null) {
    if (errors.length === 0) errors.push({ path: "ownerId", message: "is required" });
    throw invalidInput(errors, "The new owner is not valid.");
  }
  if (ownerId === before.ownerId) return unchanged(before);

  const after = reviseOpportunity(before, { ownerId }, ctx);
  const previous = before.ownerId;
  const moved = openTasksWhere(
    input.openTasks,
    (task) => task.opportunityId === before.id && previous !== null && task.ownerId === previous,
  );
  const changes: EntityChange[] = [
    opportunityChange(before, after),
    activityChange(before.id, { type: "owner-changed", from: previous, to: ownerId }, ctx),
    ...moved.map(
      (task): EntityChange => ({ entity: "task", before: task, after: { ...task, ownerId } }),
    ),
  ];
  return { value: after, changes, schedule: [], cancel: [] };
};
