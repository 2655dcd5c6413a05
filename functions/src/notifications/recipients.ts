import { type ConversationRecord, type Shown, showOpportunity, showTask } from "@dealflow/bot";
import {
  type Activity,
  audienceGroups,
  expandAudience,
  managersOf,
  type NotificationCardKind,
  type NotificationIntent,
  type NotificationSubject,
  notificationAudience,
  type Offer,
  type Opportunity,
  offerSentNotificationId,
  type Task,
} from "@dealflow/core";
import { offersOfOpportunity } from "../features/routing/index.js";
import { allUsers } from "../storage/all-users.js";
import type { Store } from "../storage/store.js";
import { memoById, memoOnce } from "./memo.js";
import type { SubjectReads } from "./notification-channel.js";

/** Who gets what for one outbox row, decided when it is delivered (SPEC §4.6). */
export type Delivery =
  | { to: "user"; userId: string; card: CardSpec }
  | { to: "channel"; channel: ConversationRecord; card: CardSpec };

/** A card's content: every record in it is `Shown`, redacted for its readers (SPEC §4.4). */
export type CardSpec =
  | { kind: "follower-update"; opportunity: Shown<Opportunity>; activity: Activity }
  | { kind: "owner-changed"; opportunity: Shown<Opportunity>; activity: Activity }
  | { kind: "new-opportunity"; opportunity: Shown<Opportunity> }
  /** A deal won or lost, posted in its pipeline's channels; `activity` is the closing move. */
  | { kind: "deal-closed"; opportunity: Shown<Opportunity>; activity: Activity }
  | {
      kind: "first-contact-reminder" | "first-contact-escalation";
      opportunity: Shown<Opportunity>;
    }
  | {
      kind: "task-reminder";
      task: Shown<Task>;
      opportunity: Shown<Opportunity> | null;
      when: "due-soon" | "due";
    }
  | { kind: "task-overdue"; task: Shown<Task>; opportunity: Shown<Opportunity> }
  | { kind: "daily-digest"; userId: string; date: string }
  /** `replaces`: the outbox id of the card to update in place (an offer's final state). */
  | { kind: "offer"; offer: Offer; replaces: string | null }
  | {
      kind: "choose-another-target";
      opportunity: Shown<Opportunity>;
      proposedTargetIds: string[];
      managerIds: string[];
    };

type ActivityIntent = Extract<NotificationIntent, { type: "activity" }>;

export const subjectReads = (store: Store, notification: NotificationIntent): SubjectReads => {
  const { tenantId } = notification;
  return {
    opportunity: memoById((id) => store.getOpportunity(tenantId, id)),
    user: memoById((id) => store.getUser(tenantId, id)),
    line: memoOnce(async () =>
      notification.type === "activity" && notification.opportunityId !== null
        ? (notification.line ?? findActivity(store, notification, notification.opportunityId))
        : null,
    ),
    channels: memoOnce(() => store.conversations.listChannels(tenantId)),
  };
};

/** A timeline line by id, looked for among the opportunity's latest lines. */
const searchActivity = async (
  store: Store,
  tenantId: string,
  opportunityId: string,
  id: string,
) => {
  let cursor: string | null = null;
  for (let pages = 0; pages < 5; pages++) {
    const page = await store.listActivities(tenantId, opportunityId, { cursor, limit: 100 });
    const found = page.items.find((activity) => activity.id === id);
    if (found || page.nextCursor === null) return found ?? null;
    cursor = page.nextCursor;
  }
  return null;
};

/**
 * The line an activity's outbox row reports: one point read, as the row was made from the line
 * (`createdAt` is its `at`); a search of the latest lines only if that misses.
 */
const findActivity = async (
  store: Store,
  notification: ActivityIntent,
  opportunityId: string,
): Promise<Activity | null> => {
  const { tenantId, activityId } = notification;
  return (
    (await store.getActivity(tenantId, opportunityId, notification.createdAt, activityId)) ??
    (await searchActivity(store, tenantId, opportunityId, activityId))
  );
};

/** Reads what the audience rules of this notification's type look at, as it is now. */
const readSubject = async (
  store: Store,
  notification: NotificationIntent,
  reads: SubjectReads,
): Promise<NotificationSubject> => {
  const { tenantId } = notification;
  const opportunity = notification.opportunityId
    ? await reads.opportunity(notification.opportunityId)
    : null;
  const subject: NotificationSubject = { notification, opportunity };
  switch (notification.type) {
    case "activity":
      return opportunity ? { ...subject, activity: await reads.line() } : subject;
    case "task-reminder":
    case "task-overdue-escalation": {
      const task = await store.getTask(tenantId, notification.taskId);
      const taskOpportunity = !task?.opportunityId
        ? null
        : task.opportunityId === opportunity?.id
          ? opportunity
          : await reads.opportunity(task.opportunityId);
      return { ...subject, task, taskOpportunity };
    }
    case "offer-sent":
    case "offer-closed":
      return { ...subject, offer: await store.getOffer(tenantId, notification.offerId) };
    case "choose-another-target":
      return opportunity
        ? { ...subject, offers: await offersOfOpportunity(store, tenantId, opportunity.id) }
        : subject;
    default:
      return subject;
  }
};

/**
 * The card of each kind, built from the subject through `Shown` (the core rules decided who;
 * this decides what they may see). Null when the subject lacks what the card needs, which the
 * audience rules have already ruled out.
 */
const cardOf = (
  kind: NotificationCardKind,
  subject: NotificationSubject,
  managerIds: string[],
): CardSpec | null => {
  const { notification } = subject;
  const opportunity = subject.opportunity ? showOpportunity(subject.opportunity) : null;
  const taskOpportunity = subject.taskOpportunity ?? null;
  const task = subject.task ? showTask(subject.task, taskOpportunity) : null;
  switch (kind) {
    case "follower-update":
    case "owner-changed":
    case "deal-closed":
      return opportunity && subject.activity
        ? { kind, opportunity, activity: subject.activity }
        : null;
    case "new-opportunity":
    case "first-contact-reminder":
    case "first-contact-escalation":
      return opportunity ? { kind, opportunity } : null;
    case "task-reminder":
      return task && notification.type === "task-reminder"
        ? {
            kind,
            task,
            opportunity: taskOpportunity ? showOpportunity(taskOpportunity) : null,
            when: notification.when,
          }
        : null;
    case "task-overdue":
      return task && taskOpportunity
        ? { kind, task, opportunity: showOpportunity(taskOpportunity) }
        : null;
    case "daily-digest":
      return notification.type === "daily-digest"
        ? { kind, userId: notification.userId, date: notification.date }
        : null;
    case "offer": {
      if (!subject.offer) return null;
      // A closed offer's card replaces the one its `offer-sent` delivered.
      const replaces =
        notification.type === "offer-closed" ? offerSentNotificationId(notification.offerId) : null;
      return { kind, offer: subject.offer, replaces };
    }
    case "choose-another-target":
      return opportunity && notification.type === "choose-another-target"
        ? { kind, opportunity, proposedTargetIds: notification.proposedTargetIds, managerIds }
        : null;
  }
};

/**
 * Re-reads the subject, lets the core rules decide the audience now, reads the members of its
 * groups (users and settings for managers, the tenant's channels) only when it has them, and
 * pairs each recipient with its card.
 */
export const resolveDeliveries = async (
  store: Store,
  notification: NotificationIntent,
  reads: SubjectReads = subjectReads(store, notification),
): Promise<Delivery[]> => {
  const { tenantId } = notification;
  const subject = await readSubject(store, notification, reads);
  const audience = notificationAudience(subject);
  if (audience.length === 0) return [];
  const groups = audienceGroups(audience);
  const [users, settings, channels] = await Promise.all([
    groups.managers ? allUsers(store, tenantId) : undefined,
    groups.managers ? store.getSettings(tenantId) : undefined,
    groups.channels ? reads.channels() : undefined,
  ]);
  const members = {
    ...(users ? { users } : {}),
    ...(settings ? { settings } : {}),
    ...(channels ? { channels } : {}),
  };
  const managerIds = users && settings ? managersOf(users, settings) : [];
  const cards = new Map<NotificationCardKind, CardSpec | null>();
  const cardFor = (kind: NotificationCardKind) => {
    if (!cards.has(kind)) cards.set(kind, cardOf(kind, subject, managerIds));
    return cards.get(kind) ?? null;
  };
  return expandAudience(audience, members).flatMap((recipient): Delivery[] => {
    const card = cardFor(recipient.card);
    if (card === null) return [];
    return recipient.to === "user"
      ? [{ to: "user", userId: recipient.userId, card }]
      : [{ to: "channel", channel: recipient.channel, card }];
  });
};
