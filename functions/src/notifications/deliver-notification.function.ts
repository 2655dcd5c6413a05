import type { InvocationContext } from "@azure/functions";
import type { NotificationIntent } from "@dealflow/core";
import type { AppDeps } from "../app-deps.js";
import type { QueueFunctionDefinition } from "../registry/function-definition.js";
import type { DeliveryLog } from "../storage/messaging/delivery-log.js";
import { relayDeadline } from "../storage/tenant-commit.js";
import type { NotificationChannel } from "./notification-channel.js";
import {
  NOTIFICATIONS_QUEUE,
  type NotificationMessage,
  readNotificationMessage,
} from "./notifications-queue.js";
import { subjectReads } from "./recipients.js";

/** Failed deliveries of one intent before it is dead-lettered (the poison queue's count). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Whether the row may be dead-lettered already, so its dead letter must be read first. The first
 * dequeue of a commit's own message cannot find it so: dead-lettering takes MAX_DELIVERY_ATTEMPTS
 * failed tries and a commit queues its row once. Skipping that read saves one storage call per
 * notification. The one exception, a commit's message stuck behind a backlog while a resend of
 * its row used up every attempt, costs one more try, which dead-letters the row again if it fails.
 * An unknown dequeue count reads it.
 */
const mayBeDeadLettered = (message: NotificationMessage, context: InvocationContext) =>
  message.resend === true || context.triggerMetadata?.dequeueCount !== 1;

/**
 * The outbox's consumer: at-least-once queue messages (and relay re-sends) name outbox rows of
 * one tenant, one commit's; for each row, in order, it runs every channel, then marks the row
 * delivered, so repeats find it done. A failing channel makes the message retry once every row
 * was tried (the rows done by then are skipped on the retry); after MAX_DELIVERY_ATTEMPTS a row
 * is dead-lettered (counted for managers in `status`) instead of retrying forever.
 */
export const deliverNotificationFunction = (
  deps: Pick<AppDeps, "store" | "clock">,
  channels: readonly NotificationChannel[],
  deliveryLog: DeliveryLog,
): QueueFunctionDefinition => {
  const { store } = deps;

  /**
   * One row: its channels, then `deliveredAt`; throws when it is to be tried again. Returns the
   * row it settled now (delivered or dead-lettered), so its relay hint can go; null otherwise.
   */
  const deliverRow = async (
    tenantId: string,
    id: string,
    checkDeadLetter: boolean,
    context: InvocationContext,
  ) => {
    const row = await store.getNotification(tenantId, id);
    // Settled before: its hint went then.
    if (row === null || row.deliveredAt !== null) return null;
    if (checkDeadLetter && (await deliveryLog.isDeadLettered(row.tenantId, row.id))) return null;

    const now = deps.clock();
    const log = (text: string) => context.log(`[${row.id}] ${text}`);
    // Every channel looks at the same opportunity, line and channels: each is read once.
    const reads = subjectReads(store, row);
    const failures: string[] = [];
    for (const channel of channels) {
      try {
        await channel.deliver(row, { now, log, reads });
      } catch (error) {
        failures.push(`${channel.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failures.length > 0) {
      const attempts = await deliveryLog.countAttempt(row.tenantId, row.id);
      if (attempts < MAX_DELIVERY_ATTEMPTS) {
        throw new Error(
          `Delivery of ${row.id} failed (attempt ${attempts}): ${failures.join("; ")}`,
        );
      }
      await deliveryLog.deadLetter(row.tenantId, {
        notificationId: row.id,
        at: now.toISOString(),
        attempts,
        reason: failures.join("; ").slice(0, 1_000),
      });
      context.error(`Dead-lettered ${row.id} after ${attempts} attempts: ${failures.join("; ")}`);
    } else {
      await store.commit(
        row.tenantId,
        {
          changes: [
            {
              entity: "notification",
              before: row,
              after: { ...row, deliveredAt: now.toISOString() },
            },
          ],
          schedule: [],
          cancel: [],
        },
        { notify: false },
      );
    }
    return row;
  };

  return {
    name: "deliver-notification",
    trigger: "queue",
    queueName: NOTIFICATIONS_QUEUE,
    handler: async (received, context) => {
      const message = readNotificationMessage(received);
      if (message === null) {
        context.warn("Ignored a notifications message that names no outbox row:", received);
        return;
      }
      const checkDeadLetter = mayBeDeadLettered(message, context);
      const failures: string[] = [];
      const settled: NotificationIntent[] = [];
      // In the commit's order: a lead's "created" card goes before what followed it.
      for (const id of message.notificationIds) {
        try {
          const row = await deliverRow(message.tenantId, id, checkDeadLetter, context);
          if (row !== null) settled.push(row);
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
      // Best effort, all at once: a surviving relay hint re-queues its row, then found settled.
      await store.deadlines
        .cancel(message.tenantId, settled.map(relayDeadline))
        .catch(() => undefined);
      if (failures.length > 0) throw new Error(failures.join(" | "));
    },
  };
};
