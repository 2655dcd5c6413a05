import type { NotificationIntent } from "@dealflow/core";

/**
 * One way of telling people about an outbox row (the bot, mail). The consumer runs every
 * channel for each intent; a channel must be idempotent per notification id (a queue message
 * can arrive twice, and a retry follows a partial fan-out) and throws to ask for a retry.
 */
export type NotificationChannel = {
  name: string;
  deliver(
    notification: NotificationIntent,
    ctx: { now: Date; log: (message: string) => void },
  ): Promise<void>;
};
