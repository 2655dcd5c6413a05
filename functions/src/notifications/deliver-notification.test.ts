import { describe, expect, it } from "vitest";
import { createInvocationContext } from "../../../host/src/invocation-context.js";
import { quiet } from "../../../tests/support/quiet.js";
import { createSweepHarness, digestIntent } from "../sla/sla.test-support.js";
import { relayDeadline } from "../storage/tenant-commit.js";
import { deliverNotificationFunction } from "./deliver-notification.function.js";
import type { NotificationChannel } from "./notification-channel.js";

describe("a message of one commit's rows", () => {
  it("delivers every row it can, retries for the one that failed, and does not repeat the others", async () => {
    const harness = await createSweepHarness(new Date("2026-03-02T09:00:00.000Z"));
    const { store, tenantId } = harness;
    const rows = ["first", "second", "third"].map((name) => digestIntent(tenantId, name));
    await store.commit(tenantId, {
      changes: rows.map((after) => ({ entity: "notification" as const, before: null, after })),
      schedule: [],
      cancel: [],
    });
    // A channel that refuses the second row the first time: a connector's 500, say.
    const tried: string[] = [];
    let refuse = true;
    const channel: NotificationChannel = {
      name: "test",
      async deliver(notification) {
        tried.push(notification.id);
        if (refuse && notification.id === rows[1]?.id) throw new Error("connector said 500");
      },
    };
    const deliver = deliverNotificationFunction(
      { store, clock: harness.clock },
      [channel],
      store.deliveryLog,
    );
    const message = { tenantId, notificationIds: rows.map((row) => row.id) };
    const run = (dequeueCount: number) =>
      deliver.handler(
        message,
        createInvocationContext(deliver.name, quiet, { dequeueCount, id: "m" }),
      );
    const delivered = async () =>
      (await harness.outbox()).filter((row) => row.deliveredAt !== null).map((row) => row.id);
    // A row's relay hint, committed with it, would re-queue it if its message were lost.
    const hints = async () => {
      const stored = new Set((await harness.storedDeadlines()).map((row) => row.id));
      return rows.filter((row) => stored.has(relayDeadline(row).id)).map((row) => row.id);
    };
    expect(await hints()).toHaveLength(3);

    await expect(run(1)).rejects.toThrow(/Delivery of digest:second:2026-03-02 failed/);
    expect(tried).toEqual(rows.map((row) => row.id));
    expect((await delivered()).sort()).toEqual([rows[0]?.id, rows[2]?.id].sort());
    // The delivered rows need no relay any more; the failed one keeps its hint until it is done.
    expect(await hints()).toEqual([rows[1]?.id]);

    refuse = false;
    await run(2);
    expect(tried.slice(3)).toEqual([rows[1]?.id]);
    expect(await delivered()).toHaveLength(3);
    expect(await hints()).toEqual([]);
  });
});
