import { type Outcome, unchanged } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { isManager } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, requiredText, throwIfInvalid } from "../shared/validation.js";
import { assertCanChangeTask, assertOpen } from "./assert-can-change-task.js";
import { MAX_TASK_TITLE_LENGTH } from "./create-task.js";
import type { Task } from "./task.types.js";

export type ReviseTaskInput = {
  task: Task;
  /** The task's opportunity; null only for a task that has none. */
  opportunity: Opportunity | null;
  /** Absent: unchanged. */
  title?: string;
  /** Absent: unchanged. Handing a task to someone else is a manager's call. */
  ownerId?: string;
};

/**
 * Renames an open task or gives it to another user (managers). Its reminders keep their
 * instants: a fired reminder re-reads the task and goes to whoever owns it then.
 */
export const reviseTask = (input: ReviseTaskInput, ctx: UseCaseContext): Outcome<Task> => {
  const { task, opportunity } = input;
  assertCanChangeTask(task, opportunity, ctx);
  assertOpen(task);
  const errors: FieldErrors = [];
  const title =
    input.title === undefined
      ? task.title
      : requiredText(input.title, "title", MAX_TASK_TITLE_LENGTH, errors);
  const ownerId =
    input.ownerId === undefined
      ? task.ownerId
      : requiredText(input.ownerId, "ownerId", 128, errors);
  throwIfInvalid(errors, "The task cannot be changed as given.");
  if (title === task.title && ownerId === task.ownerId) return unchanged(task);
  if (ownerId !== task.ownerId && ctx.actor !== null && !isManager(ctx.actor, ctx.settings)) {
    throw new DomainError("forbidden", "Only a manager can give a task to someone else.");
  }
  const after: Task = { ...task, title, ownerId };
  return {
    value: after,
    changes: [{ entity: "task", before: task, after }],
    schedule: [],
    cancel: [],
  };
};
