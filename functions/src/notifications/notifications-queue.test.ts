import { describe, expect, it } from "vitest";
import { digestIntent } from "../sla/sla.test-support.js";
import type { QueueSender } from "../storage/queue-sender.js";
import {
  MAX_ROWS_PER_MESSAGE,
  NOTIFICATIONS_QUEUE,
  queuePublisher,
  readNotificationMessage,
} from "./notifications-queue.js";

const row = (tenantId: string, id: string) => ({ ...digestIntent(tenantId, id), id });

const recordingQueue = () => {
  const sent: { queueName: string; payload: unknown }[] = [];
  const queue: QueueSender = {
    send: async (queueName, payload) => {
      sent.push({ queueName, payload });
      return { messageId: String(sent.length) };
    },
  };
  return { queue, sent };
};

describe("notification messages", () => {
  it("queues one commit's rows of a tenant as one message, in the commit's order", async () => {
    const { queue, sent } = recordingQueue();
    await queuePublisher(queue)([row("t1", "a"), row("t1", "b"), row("t1", "c")]);

    expect(sent).toEqual([
      {
        queueName: NOTIFICATIONS_QUEUE,
        payload: { tenantId: "t1", notificationIds: ["a", "b", "c"] },
      },
    ]);
  });

  it("keeps tenants apart and splits a long list every MAX_ROWS_PER_MESSAGE rows", async () => {
    const { queue, sent } = recordingQueue();
    const many = Array.from({ length: MAX_ROWS_PER_MESSAGE + 1 }, (_, i) => row("t1", `n${i}`));
    await queuePublisher(queue, { resend: true })([...many, row("t2", "other")]);

    const payloads = sent.map((message) => readNotificationMessage(message.payload));
    expect(payloads.map((message) => [message?.tenantId, message?.notificationIds.length])).toEqual(
      [
        ["t1", MAX_ROWS_PER_MESSAGE],
        ["t1", 1],
        ["t2", 1],
      ],
    );
    expect(payloads.every((message) => message?.resend === true)).toBe(true);
    expect(payloads.flatMap((message) => message?.notificationIds ?? [])).toEqual([
      ...many.map((intent) => intent.id),
      "other",
    ]);
  });

  it("reads a message of one row, as queued before rows were grouped, and refuses what names none", () => {
    expect(readNotificationMessage({ tenantId: "t", notificationId: "n" })).toEqual({
      tenantId: "t",
      notificationIds: ["n"],
    });
    for (const bad of [
      null,
      "t/n",
      { tenantId: "t" },
      { tenantId: "t", notificationIds: [] },
      { tenantId: "t", notificationIds: ["n", 7] },
      { tenantId: "t", notificationIds: [""] },
      { tenantId: 1, notificationIds: ["n"] },
      { tenantId: "t", notificationIds: ["n"], resend: "yes" },
      { tenantId: "t", notificationIds: Array(MAX_ROWS_PER_MESSAGE + 1).fill("n") },
    ]) {
      expect(readNotificationMessage(bad)).toBeNull();
    }
  });
});
