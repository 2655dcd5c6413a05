import type { NotificationIntent } from "@dealflow/core";
import type { QueueSender } from "../storage/queue-sender.js";
import type { NotificationPublisher } from "../storage/store.js";

/** The Storage Queue the host's notification deliverer is triggered by. */
export const NOTIFICATIONS_QUEUE = "notifications";

/** A queue message names an outbox row; the row itself is the payload's source of truth. */
export type NotificationMessage = { tenantId: string; notificationId: string };

export const isNotificationMessage = (value: unknown): value is NotificationMessage =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as NotificationMessage).tenantId === "string" &&
  typeof (value as NotificationMessage).notificationId === "string";

/** Publishes committed notifications as queue messages, one per outbox row. */
export const queuePublisher =
  (queue: QueueSender): NotificationPublisher =>
  async (notifications: readonly NotificationIntent[]) => {
    await Promise.all(
      notifications.map((notification) =>
        queue.send(NOTIFICATIONS_QUEUE, {
          tenantId: notification.tenantId,
          notificationId: notification.id,
        } satisfies NotificationMessage),
      ),
    );
  };
