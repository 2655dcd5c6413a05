import type { Settings } from "../settings/settings.js";
import { addMinutes, iso, parseIso } from "../shared/time.js";
import type { Task } from "../task/task.types.js";
import { type Deadline, type DeadlineKind, deadlineId } from "./deadline.types.js";
import { isWorkingTime, nextWorkingTime } from "./working-hours.js";

/**
 * SPEC §3/§5 task reminders. A task already due when scheduled gets one reminder, its due
 * one (the engine fires it at once), plus the managers' overdue escalation when the tenant
 * set it; `expect` is the due time, so a rescheduled task ignores the hints of its earlier
 * due time. The "due soon" reminder (SPEC §3: "1 h before for tasks due within a working
 * day") is for tasks due in working time only, and when its moment falls outside the working
 * week (at night for a task due next morning, at the weekend) it comes at the start of the
 * next working period instead, or not at all when that is not before the due time; the
 * reminder at due time is always at due time. Working time is read on the wall clock of
 * `timeZone` (the tenant's unless a caller passes the owner's).
 */
export const taskDeadlines = (
  task: Pick<Task, "tenantId" | "id" | "dueAt">,
  settings: Pick<Settings, "durations" | "workingHours" | "timeZone">,
  now: Date,
  timeZone: string = settings.timeZone,
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
  const { workingHours } = settings;
  const dueInWorkingTime = isWorkingTime(dueAt, workingHours, timeZone);
  const dueSoonAt = nextWorkingTime(addMinutes(dueAt, -taskDueSoonMinutes), workingHours, timeZone);
  // A due-soon moment already past, or moved to the due moment or later by the working week,
  // would only repeat the due reminder.
  if (
    taskDueSoonMinutes > 0 &&
    dueInWorkingTime &&
    dueSoonAt.getTime() > now.getTime() &&
    dueSoonAt.getTime() < dueAt.getTime()
  ) {
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
