import type { Outcome } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { assertCanChangeTask, assertOpen } from "./assert-can-change-task.js";
import { closeTask } from "./close-task.js";
import type { Task } from "./task.types.js";

export type CancelTaskInput = {
  task: Task;
  /** The task's opportunity; null only for a task that has none. */
  opportunity: Opportunity | null;
};

export const cancelTask = (input: CancelTaskInput, ctx: UseCaseContext): Outcome<Task> => {
  assertCanChangeTask(input.task, input.opportunity, ctx);
  assertOpen(input.task);
  return closeTask(input.task, { status: "cancelled" }, ctx);
};
