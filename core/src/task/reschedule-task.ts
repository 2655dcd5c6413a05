import { activityChange } from "../activity/new-activity.js";
import { type EntityChange, type Outcome, unchanged } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { type IsoDateTime, iso } from "../shared/time.js";
import { ownerTimeZone, type UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, invalidInput, parseInstant } from "../shared/validation.js";
import { withScheduled } from "../sla/deadline-refs.js";
import { taskDeadlines } from "../sla/task-deadlines.js";
import { assertCanChangeTask, assertOpen } from "./assert-can-change-task.js";
import type { Task } from "./task.types.js";

export type RescheduleTaskInput = {
  task: Task;
  /** The task's opportunity; null only for a task that has none. */
  opportunity: Opportunity | null;
  dueAt: Date | IsoDateTime;
};

/** Moves a task's due time (also the bot's Snooze): old reminders stop, new ones start. */
export const rescheduleTask = (input: RescheduleTaskInput, ctx: UseCaseContext): Outcome<Task> => {
  const { task, opportunity } = input;
  assertCanChangeTask(task, opportunity, ctx);
  assertOpen(task);
  const errors: FieldErrors = [];
  const dueAt = parseInstant(input.dueAt, "dueAt", errors);
  if (dueAt === null) throw invalidInput(errors, "The new due time is not valid.");

  const to = iso(dueAt);
  if (to === iso(new Date(task.dueAt))) {
    return unchanged(task);
  }

  const moved: Task = { ...task, dueAt: to, deadlines: [] };
  const schedule = taskDeadlines(moved, ctx.settings, ctx.now, ownerTimeZone(moved.ownerId, ctx));
  const after = withScheduled(moved, schedule);
  const changes: EntityChange[] = [{ entity: "task", before: task, after }];
  if (opportunity !== null) {
    // The second-contact queue is ordered by this task's due time (see Opportunity.firstContact).
    if (opportunity.firstContact.state === "second-contact" && task.origin === "second-contact") {
      const revised = reviseOpportunity(
        opportunity,
        { firstContact: { ...opportunity.firstContact, secondContactDueAt: to } },
        ctx,
      );
      changes.push(opportunityChange(opportunity, revised));
    }
    changes.push(
      activityChange(
        opportunity.id,
        { type: "task-rescheduled", taskId: task.id, from: task.dueAt, to },
        ctx,
      ),
    );
  }
  return { value: after, changes, schedule, cancel: [...task.deadlines] };
};
