import type { Settings } from "../settings/settings.js";
import { addMinutes, iso, parseIso } from "../shared/time.js";
import type { Task } from "../task/task.types.js";
import { type Deadline, type DeadlineKind, deadlineId } from "./deadline.types.js";

/**
 * SPEC §3/§5 task reminders. A task already due when scheduled gets only its due reminder
 * (the engine fires it at once); `expect` is the due time, so a rescheduled task ignores
 * the hints of its earlier due time.
 */
export const taskDeadlines = (
  task: Pick<Task, "tenantId" | "id" | "dueAt">,
  settings: Pick<Settings, "durations">,
  now: Date,
): Deadline[] => {
  const dueAt = parseIso(task.dueAt);
  const deadline = (kind: DeadlineKind, at: Date): Deadline => ({
    id: deadlineId(kind, task.id, at),
    tenantId: task.tenantId,
    kind,
    subjectId: task.id,
    dueAt: iso(at),
    expect: task.dueAt,
  });
  const due = deadline("task-due", dueAt);
  if (dueAt.getTime() <= now.getTime()) return [due];

  const { taskDueSoonMinutes, taskOverdueEscalationMinutes } = settings.durations;
  const deadlines: Deadline[] = [];
  const dueSoonAt = addMinutes(dueAt, -taskDueSoonMinutes);
  if (taskDueSoonMinutes > 0 && dueSoonAt.getTime() > now.getTime()) {
    deadlines.push(deadline("task-due-soon", dueSoonAt));
  }
  deadlines.push(due);
  if (taskOverdueEscalationMinutes !== null) {
    deadlines.push(
      deadline("task-overdue-escalation", addMinutes(dueAt, taskOverdueEscalationMinutes)),
    );
  }
  return deadlines;
};
