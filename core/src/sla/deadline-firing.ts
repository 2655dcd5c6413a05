import {
  deadlineNotificationId,
  type NotificationDetails,
  type NotificationIntent,
} from "../notification/notification.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { iso } from "../shared/time.js";
import type { Task } from "../task/task.types.js";
import type { Deadline } from "./deadline.types.js";
import { firstContactClockStart } from "./first-contact-deadlines.js";

/** Why a firing deadline does nothing: its row was only a hint, the subject decides. */
export type SkipReason = "not-due-yet" | "subject-gone" | "subject-settled" | "subject-moved";

/** What a deadline does when it fires: one outbox notification, or nothing and why. */
export type Firing =
  | { fire: true; notification: NotificationIntent }
  | { fire: false; reason: SkipReason };

const skip = (reason: SkipReason): Firing => ({ fire: false, reason });

const isDue = (deadline: Pick<Deadline, "dueAt">, now: Date): boolean =>
  Date.parse(deadline.dueAt) <= now.getTime();

/** `expect` is an instant the subject had when the clock started; the same instant still holds. */
const sameInstant = (expected: string | null, actual: string): boolean =>
  expected === null || Date.parse(expected) === Date.parse(actual);

/**
 * The outbox row a firing deadline writes. Its id derives from the deadline id, so a repeated
 * firing (a crash before the row was completed, a lease taken over) writes the same row twice
 * and the second write fails instead of notifying again.
 */
export const deadlineNotification = (
  deadline: Pick<Deadline, "id" | "tenantId">,
  opportunityId: string | null,
  details: NotificationDetails,
  now: Date,
): NotificationIntent => ({
  tenantId: deadline.tenantId,
  id: deadlineNotificationId(deadline.id),
  createdAt: iso(now),
  opportunityId,
  actorId: null,
  deliveredAt: null,
  ...details,
});

/**
 * SPEC §5 first-contact target and escalation: fire only while the opportunity is open and
 * still waits for the first contact of the reception the clock was started for.
 */
export const firstContactFiring = (
  deadline: Deadline,
  opportunity: Opportunity | null,
  now: Date,
): Firing => {
  if (!isDue(deadline, now)) return skip("not-due-yet");
  if (opportunity === null) return skip("subject-gone");
  if (opportunity.status !== "open" || opportunity.firstContact.state !== "awaiting") {
    return skip("subject-settled");
  }
  if (!sameInstant(deadline.expect, firstContactClockStart(opportunity))) {
    return skip("subject-moved");
  }
  const type =
    deadline.kind === "first-contact-escalation"
      ? "first-contact-escalation"
      : "first-contact-reminder";
  return {
    fire: true,
    notification: deadlineNotification(
      deadline,
      opportunity.id,
      { type, deadlineId: deadline.id },
      now,
    ),
  };
};

/**
 * SPEC §5 task reminders and the optional overdue escalation: fire only while the task is open
 * and still due when the clock was started for it (a rescheduled task ignores old hints).
 */
export const taskFiring = (deadline: Deadline, task: Task | null, now: Date): Firing => {
  if (!isDue(deadline, now)) return skip("not-due-yet");
  if (task === null) return skip("subject-gone");
  if (task.status !== "open") return skip("subject-settled");
  if (!sameInstant(deadline.expect, task.dueAt)) return skip("subject-moved");
  const details: NotificationDetails =
    deadline.kind === "task-overdue-escalation"
      ? { type: "task-overdue-escalation", deadlineId: deadline.id, taskId: task.id }
      : {
          type: "task-reminder",
          deadlineId: deadline.id,
          taskId: task.id,
          when: deadline.kind === "task-due-soon" ? "due-soon" : "due",
          dueAt: task.dueAt,
        };
  return {
    fire: true,
    notification: deadlineNotification(deadline, task.opportunityId, details, now),
  };
};

/** A relay hint re-queues its outbox row only while nobody has delivered it. */
export const needsRelay = (notification: Pick<NotificationIntent, "deliveredAt"> | null) =>
  notification !== null && notification.deliveredAt === null;
