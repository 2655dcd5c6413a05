import { type ConversationRecord, type Shown, showOpportunity, showTask } from "@dealflow/bot";
import {
  type Activity,
  isManager,
  type NotificationIntent,
  type Offer,
  type Opportunity,
  type Settings,
  type Task,
  type User,
} from "@dealflow/core";
import { allUsers } from "../storage/all-users.js";
import type { Store } from "../storage/store.js";
import { offerDeliveries, routingChoiceDeliveries } from "./routing-recipients.js";

/** Who gets what for one outbox row, decided when it is delivered (SPEC §4.6). */
export type Delivery =
  | { to: "user"; userId: string; card: CardSpec }
  | { to: "channel"; channel: ConversationRecord; card: CardSpec };

export type CardSpec =
  | { kind: "follower-update"; opportunity: Shown<Opportunity>; activity: Activity }
  | { kind: "owner-changed"; opportunity: Shown<Opportunity>; activity: Activity }
  | { kind: "new-opportunity"; opportunity: Shown<Opportunity> }
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

export const managersOf = (users: readonly User[], settings: Settings): string[] =>
  users
    .filter(
      (user) =>
        user.active &&
        isManager(
          { tenantId: user.tenantId, userId: user.id, role: user.role, teamIds: user.teamIds },
          settings,
        ),
    )
    .map((user) => user.id);

const findActivity = async (store: Store, tenantId: string, opportunityId: string, id: string) => {
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
 * Timeline lines about the client's visibility that the owner must hear of too (SPEC §4.4:
 * "owner notified"), not only the followers: the owner rarely follows their own opportunity.
 */
const OWNER_TOLD: ReadonlySet<Activity["type"]> = new Set([
  "contact-revealed",
  "contact-withheld",
  "client-reminded",
  "client-declined",
]);

export const linkedChannels = async (store: Store, tenantId: string, pipelineId: string) =>
  (await store.conversations.listChannels(tenantId)).filter(
    (channel) => channel.active && channel.pipelineId === pipelineId,
  );

/**
 * Re-reads the subject and decides the audience now: followers as they are (minus the actor
 * and those who muted), the owner, the managers, the linked channels. A subject no longer
 * due (task done, first contact recorded, task rescheduled) gets nothing.
 */
export const resolveDeliveries = async (
  store: Store,
  notification: NotificationIntent,
): Promise<Delivery[]> => {
  const { tenantId } = notification;
  const stored = notification.opportunityId
    ? await store.getOpportunity(tenantId, notification.opportunityId)
    : null;
  const opportunity = stored ? showOpportunity(stored) : null;
  switch (notification.type) {
    case "activity": {
      if (!opportunity) return [];
      const activity = await findActivity(store, tenantId, opportunity.id, notification.activityId);
      if (!activity) return [];
      const deliveries: Delivery[] = opportunity.followers
        .filter((id) => id !== notification.actorId && !opportunity.mutedBy.includes(id))
        .map((userId) => ({
          to: "user",
          userId,
          card: { kind: "follower-update", opportunity, activity },
        }));
      const owner = opportunity.ownerId;
      if (
        OWNER_TOLD.has(activity.type) &&
        owner !== null &&
        owner !== notification.actorId &&
        !deliveries.some((delivery) => delivery.to === "user" && delivery.userId === owner)
      ) {
        deliveries.push({
          to: "user",
          userId: owner,
          card: { kind: "follower-update", opportunity, activity },
        });
      }
      if (activity.type === "owner-changed" && activity.to !== notification.actorId) {
        deliveries.push({
          to: "user",
          userId: activity.to,
          card: { kind: "owner-changed", opportunity, activity },
        });
      }
      if (activity.type === "created") {
        if (opportunity.ownerId && opportunity.ownerId !== notification.actorId) {
          deliveries.push({
            to: "user",
            userId: opportunity.ownerId,
            card: { kind: "new-opportunity", opportunity },
          });
        }
        for (const channel of await linkedChannels(store, tenantId, opportunity.pipelineId)) {
          deliveries.push({
            to: "channel",
            channel,
            card: { kind: "new-opportunity", opportunity },
          });
        }
      }
      return deliveries;
    }
    case "first-contact-reminder":
    case "first-contact-escalation": {
      if (opportunity?.status !== "open" || opportunity.firstContact.state !== "awaiting") {
        return [];
      }
      const card = { kind: notification.type, opportunity } as const;
      if (notification.type === "first-contact-reminder") {
        return opportunity.ownerId ? [{ to: "user", userId: opportunity.ownerId, card }] : [];
      }
      const managers = managersOf(
        await allUsers(store, tenantId),
        await store.getSettings(tenantId),
      );
      const channels = await linkedChannels(store, tenantId, opportunity.pipelineId);
      return [
        ...managers.map((userId): Delivery => ({ to: "user", userId, card })),
        ...channels.map((channel): Delivery => ({ to: "channel", channel, card })),
      ];
    }
    case "task-reminder": {
      const task = await store.getTask(tenantId, notification.taskId);
      // A rescheduled task has its own newer reminder; this one is stale.
      if (task?.status !== "open" || Date.parse(task.dueAt) !== Date.parse(notification.dueAt)) {
        return [];
      }
      const taskOpportunity = task.opportunityId
        ? await store.getOpportunity(tenantId, task.opportunityId)
        : null;
      return [
        {
          to: "user",
          userId: task.ownerId,
          card: {
            kind: "task-reminder",
            task: showTask(task, taskOpportunity),
            opportunity: taskOpportunity ? showOpportunity(taskOpportunity) : null,
            when: notification.when,
          },
        },
      ];
    }
    case "task-overdue-escalation": {
      const task = await store.getTask(tenantId, notification.taskId);
      if (task?.status !== "open" || !task.opportunityId) return [];
      const taskOpportunity = await store.getOpportunity(tenantId, task.opportunityId);
      if (!taskOpportunity) return [];
      const managers = managersOf(
        await allUsers(store, tenantId),
        await store.getSettings(tenantId),
      );
      const card = {
        kind: "task-overdue",
        task: showTask(task, taskOpportunity),
        opportunity: showOpportunity(taskOpportunity),
      } as const;
      return managers.map((userId): Delivery => ({ to: "user", userId, card }));
    }
    case "daily-digest":
      return [
        {
          to: "user",
          userId: notification.userId,
          card: { kind: "daily-digest", userId: notification.userId, date: notification.date },
        },
      ];
    case "offer-sent":
    case "offer-closed":
      return offerDeliveries(store, notification);
    case "choose-another-target":
      return stored ? routingChoiceDeliveries(store, stored, notification) : [];
    // The Contact is mailed by the review channel (functions/src/reviews); no card for anyone.
    case "review-request":
      return [];
  }
};
