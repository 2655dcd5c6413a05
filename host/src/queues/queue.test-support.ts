import { randomUUID } from "node:crypto";
import { type QueueClient, QueueServiceClient } from "@azure/storage-queue";
import { inject } from "vitest";

/** The run's Azurite, started by tests/support/azurite.global-setup.ts. */
export const testConnectionString = () => inject("storageConnectionString");

/** A queue name no other test uses (the tests share one Azurite). */
export const uniqueQueueName = () => `q${randomUUID().replace(/-/g, "").slice(0, 24)}`;

export const testQueue = (queueName: string): QueueClient =>
  QueueServiceClient.fromConnectionString(testConnectionString()).getQueueClient(queueName);

/** Messages in the queue, visible or not (Azurite counts exactly). */
export const messageCount = async (queue: QueueClient): Promise<number> => {
  if (!(await queue.exists())) return 0;
  return (await queue.getProperties()).approximateMessagesCount ?? 0;
};

export const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
