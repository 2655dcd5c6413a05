import type { Timer } from "@azure/functions";
import { describe, expect, it } from "vitest";
import { createInvocationContext } from "../../../host/src/invocation-context.js";
import { quiet } from "../../../tests/support/quiet.js";
import { readAppConfig } from "../config/app-config.js";
import { NOTIFICATIONS_QUEUE, queuePublisher } from "../notifications/notifications-queue.js";
import { retentionFunction } from "../retention/retention.function.js";
import type { QueueSender } from "../storage/queue-sender.js";
import { createStore } from "../storage/store.js";
import { RELAY_DELAY_MS } from "../storage/tenant-commit.js";
import { dailyDigestFunction } from "./daily-digest.function.js";
import { createSweepHarness, digestIntent, tasksDueFrom } from "./sla.test-support.js";
import { slaSweepFunction } from "./sla-sweep.function.js";

const timer: Timer = {
  isPastDue: false,
  schedule: { adjustForDST: false },
  scheduleStatus: { last: "", next: "", lastUpdated: "" },
};

describe("SLA timer functions", () => {
  it("declares the sweep every minute, the digest every 15 minutes and retention nightly, as NCRONTAB with seconds", async () => {
    const harness = await createSweepHarness(new Date("2026-03-02T09:00:00.000Z"));
    const config = readAppConfig({ SWEEP_LEASE_SECONDS: "30" }, "local-host");
    const queue: QueueSender = { send: async () => ({ messageId: "m" }) };
    const deps = { store: harness.store, queue, clock: harness.clock, config };

    expect([
      slaSweepFunction(deps),
      dailyDigestFunction(deps),
      retentionFunction(deps),
    ]).toMatchObject([
      { name: "slaSweep", trigger: "timer", schedule: "0 */1 * * * *" },
      { name: "dailyDigest", trigger: "timer", schedule: "0 */15 * * * *" },
      { name: "retention", trigger: "timer", schedule: "0 30 3 * * *" },
    ]);
  });

  it("fires due reminders from the timer and queues their notifications", async () => {
    const harness = await createSweepHarness(new Date("2026-03-02T09:00:00.000Z"));
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 2));
    harness.setNow("2026-03-02T09:20:00.000Z");
    const sent: { queueName: string; payload: unknown }[] = [];
    const queue: QueueSender = {
      send: async (queueName, payload) => {
        sent.push({ queueName, payload });
        return { messageId: String(sent.length) };
      },
    };
    // Wired as createAppDeps wires it: the store publishes to the same queue.
    const store = createStore(harness.storage, harness.clock, { publish: queuePublisher(queue) });
    const config = readAppConfig({}, "local-host");
    const sweep = slaSweepFunction({ store, queue, clock: harness.clock, config });

    await sweep.handler(timer, createInvocationContext("slaSweep", quiet));

    const outbox = await harness.outbox();
    expect(outbox).toHaveLength(2);
    expect(sent.map((message) => message.queueName)).toEqual([
      NOTIFICATIONS_QUEUE,
      NOTIFICATIONS_QUEUE,
    ]);
    expect(sent.map((message) => message.payload)).toEqual(
      expect.arrayContaining(
        // Each firing is its own commit: one message each.
        outbox.map((row) => ({ tenantId: harness.tenantId, notificationIds: [row.id] })),
      ),
    );
  });

  it("re-queues an outbox row whose message was lost as a resend, so its delivery checks for a dead letter", async () => {
    const harness = await createSweepHarness(new Date("2026-03-02T09:00:00.000Z"));
    const row = digestIntent(harness.tenantId, "u1");
    // Committed with its relay hint; the harness's publisher keeps the message to itself (lost).
    await harness.store.commit(harness.tenantId, {
      changes: [{ entity: "notification", before: null, after: row }],
      schedule: [],
      cancel: [],
    });
    const sent: unknown[] = [];
    const queue: QueueSender = {
      send: async (_queueName, payload) => {
        sent.push(payload);
        return { messageId: String(sent.length) };
      },
    };
    const config = readAppConfig({}, "local-host");
    const sweep = slaSweepFunction({ store: harness.store, queue, clock: harness.clock, config });

    harness.setNow(new Date(Date.parse(row.createdAt) + RELAY_DELAY_MS + 1_000).toISOString());
    await sweep.handler(timer, createInvocationContext("slaSweep", quiet));

    expect(sent).toEqual([{ tenantId: harness.tenantId, notificationIds: [row.id], resend: true }]);
  });
});
