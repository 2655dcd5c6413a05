import type { NotificationIntent } from "@dealflow/core";
import type { QueueSender } from "../storage/queue-sender.js";
import type { NotificationPublisher } from "../storage/store.js";

/** The Storage Queue the host's notification deliverer is triggered by. */
export const NOTIFICATIONS_QUEUE = "notifications";

/** Rows named by one message at most: well under the queue's 64 KiB, and a short invocation. */
export const MAX_ROWS_PER_MESSAGE = 50;

/**
 * A queue message names outbox rows of one tenant, those one commit wrote (up to
 * MAX_ROWS_PER_MESSAGE); each row itself is the payload's source of truth. `resend`: the rows
 * were committed earlier and are queued again (the relay, a repeated firing), so they may have
 * been tried, and dead-lettered, already. A commit's own message is never a resend.
 */
export type NotificationMessage = { tenantId: string; notificationIds: string[]; resend?: true };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The message as the consumer reads it, or null when it names no row. A message of one row,
 * `notificationId`, is how rows were queued before they were grouped by commit: one still in
 * the queue when this version is deployed is read the same way.
 */
export const readNotificationMessage = (value: unknown): NotificationMessage | null => {
  if (!isObject(value) || typeof value.tenantId !== "string") return null;
  if (value.resend !== undefined && value.resend !== true) return null;
  const ids =
    typeof value.notificationId === "string" ? [value.notificationId] : value.notificationIds;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_ROWS_PER_MESSAGE ||
    !ids.every((id): id is string => typeof id === "string" && id.length > 0)
  )
    return null;
  return {
    tenantId: value.tenantId,
    notificationIds: ids,
    ...(value.resend ? { resend: true } : {}),
  };
};

/**
 * Publishes notifications as queue messages: one per tenant for the rows of one call (a commit's,
 * or the sweep's re-queues with `resend`), split every MAX_ROWS_PER_MESSAGE rows. A first-contact
 * record that reports three lines is one send, not three.
 */
export const queuePublisher =
  (queue: QueueSender, options: { resend?: boolean } = {}): NotificationPublisher =>
  async (notifications: readonly NotificationIntent[]) => {
    const byTenant = new Map<string, string[]>();
    for (const notification of notifications) {
      const ids = byTenant.get(notification.tenantId) ?? [];
      ids.push(notification.id);
      byTenant.set(notification.tenantId, ids);
    }
    const messages = [...byTenant].flatMap(([tenantId, ids]) =>
      Array.from(
        { length: Math.ceil(ids.length / MAX_ROWS_PER_MESSAGE) },
        (_, i): NotificationMessage => ({
          tenantId,
          notificationIds: ids.slice(i * MAX_ROWS_PER_MESSAGE, (i + 1) * MAX_ROWS_PER_MESSAGE),
          ...(options.resend ? { resend: true as const } : {}),
        }),
      ),
    );
    await Promise.all(messages.map((message) => queue.send(NOTIFICATIONS_QUEUE, message)));
  };
