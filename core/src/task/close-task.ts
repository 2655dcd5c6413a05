import { activityChange } from "../activity/new-activity.js";
import type { Outcome } from "../changes/change-set.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Task, TaskOutcome } from "./task.types.js";

export type TaskClosing = { status: "done"; outcome: TaskOutcome | null } | { status: "cancelled" };

/**
 * Marks an open task done or cancelled, stops its reminders and writes its timeline line.
 * `timeline: false` when an opportunity event closes it: that event's one line tells it, and
 * a line per task would grow the change set with the number of open tasks.
 */
export const closeTask = (
  task: Task,
  closing: TaskClosing,
  ctx: UseCaseContext,
  { timeline = true }: { timeline?: boolean } = {},
): Outcome<Task> => {
  const done = closing.status === "done";
  const after: Task = {
    ...task,
    status: closing.status,
    outcome: done ? closing.outcome : null,
    completedAt: done ? iso(ctx.now) : null,
    deadlines: [],
  };
  const changes: Outcome<Task>["changes"] = [{ entity: "task", before: task, after }];
  if (timeline && task.opportunityId !== null) {
    changes.push(
      activityChange(
        task.opportunityId,
        done
          ? { type: "task-completed", taskId: task.id, title: task.title, outcome: after.outcome }
          : { type: "task-cancelled", taskId: task.id, title: task.title },
        ctx,
      ),
    );
  }
  return { value: after, changes, schedule: [], cancel: [...task.deadlines] };
};

/** Open tasks of one subject, each once: a batch may not touch the same row twice. */
export const openTasksWhere = (tasks: readonly Task[], keep: (task: Task) => boolean): Task[] => {
  const seen = new Set<string>();
  return tasks.filter((task) => {
    if (task.status !== "open" || seen.has(task.id) || !keep(task)) return false;
    seen.add(task.id);
    return true;
  });
};
