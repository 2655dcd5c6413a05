import type { Activity, ActivityType } from "../activity/activity.types.js";
import type { OfferStatus } from "../routing/routing.types.js";
import type { IsoDateTime } from "../shared/time.js";

export type ClosedOfferStatus = Exclude<OfferStatus, "pending">;

/**
 * What someone must be told, decided when it happened and delivered later (bot cards, mail).
 * Recipients are resolved at delivery time (followers, owner, managers as they are then),
 * so an intent names its subject, not its audience.
 */
export type NotificationDetails =
  /** A timeline line: followers (except the actor) get a card; some types also mail or post. */
  | {
      type: "activity";
      activityId: string;
      activityType: ActivityType;
      /**
       * The line itself, carried so its delivery need not read it back (a line is never
       * changed once written). Rows written before it was carried have none.
       */
      line?: Activity;
    }
  | { type: "first-contact-reminder"; deadlineId: string }
  | { type: "first-contact-escalation"; deadlineId: string }
  | {
      type: "task-reminder";
      deadlineId: string;
      taskId: string;
      when: "due-soon" | "due";
      dueAt: IsoDateTime;
    }
  | { type: "task-overdue-escalation"; deadlineId: string; taskId: string }
  /** The daily agenda of one user, for the local date `date` (yyyy-mm-dd). */
  | { type: "daily-digest"; userId: string; date: string }
  /** SPEC §4.5: a card with Accept / Decline to the offer's user. */
  | { type: "offer-sent"; offerId: string }
  /** The offer's card, updated: it takes no answer any more (and why). */
  | { type: "offer-closed"; offerId: string; status: ClosedOfferStatus }
  /** SPEC §4.5: every offer failed; the managers pick a target (best first, maybe none). */
  | { type: "choose-another-target"; proposedTargetIds: string[] }
  /** SPEC §4.5: mail the Contact a signed link to review the target (the link row's id is this id). */
  | { type: "review-request"; contactId: string; targetId: string };

export type NotificationType = NotificationDetails["type"];

/**
 * One row of the durable outbox, written in the same transaction as the change it reports.
 * Its id is deterministic where the cause can repeat (a deadline firing twice, a digest hour
 * run twice): writing it again fails as already-exists, so the repeat delivers nothing.
 */
export type NotificationIntent = {
  tenantId: string;
  id: string;
  createdAt: IsoDateTime;
  opportunityId: string | null;
  /** Who caused it (not notified of their own change); null for the system. */
  actorId: string | null;
  /** Set once every channel has delivered it; kept for idempotency until purged. */
  deliveredAt: IsoDateTime | null;
  version?: string;
} & NotificationDetails;

/** The outbox id of an activity's notification. */
export const activityNotificationId = (activityId: string): string => `activity:${activityId}`;

/** The outbox id of what a firing deadline reports: the same deadline, the same row. */
export const deadlineNotificationId = (deadlineId: string): string =>
  `deadline:${deadlineId.replaceAll("~", ":")}`;

/** Every timeline line notifies: the intent that reports it. */
export const notificationOfActivity = (activity: Activity): NotificationIntent => ({
  tenantId: activity.tenantId,
  id: activityNotificationId(activity.id),
  createdAt: activity.at,
  opportunityId: activity.opportunityId,
  actorId: activity.actorId,
  deliveredAt: null,
  type: "activity",
  activityId: activity.id,
  activityType: activity.type,
  line: activity,
});
