import type { Settings } from "../settings/settings.js";
import { addMinutes, iso, parseIso } from "../shared/time.js";
import type { Task } from "../task/task.types.js";
import { type Deadline, type DeadlineKind, deadlineId } from "./deadline.types.js";

/**
 * SPEC §3/§5 task reminders. A task already due when scheduled gets one reminder, its due
 * one (the engine fires it at once), plus the managers' overdue escalation when the tenant
 * set it; `expect` is the due time, so a rescheduled task ignores the hints of its earlier
 * due time.
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
  const { taskDueSoonMinutes, taskOverdueEscalationMinutes } = settings.durations;
  const deadlines: Deadline[] = [];
  const dueSoonAt = addMinutes(dueAt, -taskDueSoonMinutes);
  // A due-soon moment already past would only repeat the due reminder.
  if (taskDueSoonMinutes > 0 && dueSoonAt.getTime() > now.getTime()) {
    deadlines.push(deadline("task-due-soon", dueSoonAt));
  }
  deadlines.push(deadline("task-due", dueAt));
  if (taskOverdueEscalationMinutes !== null) {
    deadlines.push(
      deadline("task-overdue-escalation", addMinutes(dueAt, taskOverdueEscalationMinutes)),
    );
  }
  return deadlines;
};
