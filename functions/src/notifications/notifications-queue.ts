import type { NotificationIntent } from "@dealflow/core";
import type { QueueSender } from "../storage/queue-sender.js";
import type { NotificationPublisher } from "../storage/store.js";

/** The Storage Queue the host's notification deliverer is triggered by. */
export const NOTIFICATIONS_QUEUE = "notifications";

/**
 * A queue message names an outbox row; the row itself is the payload's source of truth.
 * `resend`: the row was committed earlier and is queued again (the relay, a repeated firing), so
 * it may have been tried, and dead-lettered, already. A commit's own message is never a resend.
 */
export type NotificationMessage = { tenantId: string; notificationId: string; resend?: true };

export const isNotificationMessage = (value: unknown): value is NotificationMessage =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as NotificationMessage).tenantId === "string" &&
  typeof (value as NotificationMessage).notificationId === "string" &&
  [undefined, true].includes((value as NotificationMessage).resend);

/**
 * Publishes notifications as queue messages, one per outbox row: those a commit just wrote, or,
 * with `resend`, rows committed earlier whose message may have been lost.
 */
export const queuePublisher =
  (queue: QueueSender, options: { resend?: boolean } = {}): NotificationPublisher =>
  async (notifications: readonly NotificationIntent[]) => {
    await Promise.all(
      notifications.map((notification) =>
        queue.send(NOTIFICATIONS_QUEUE, {
          tenantId: notification.tenantId,
          notificationId: notification.id,
          ...(options.resend ? { resend: true as const } : {}),
        } satisfies NotificationMessage),
      ),
    );
  };
