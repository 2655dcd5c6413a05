import type { TransactionAction } from "@azure/data-tables";
import type { EntityChange, NotificationIntent } from "@dealflow/core";
import { activityNotificationId } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { createSweepHarness, type SweepHarness } from "../sla/sla.test-support.js";
import { prefixRange, rangeFilter } from "../storage/keys.js";
import { readAllPages } from "../storage/paging.js";
import { activityRecord, opportunityRecord } from "../storage/records.test-support.js";
import { prefixOf, type RowKindName, rowKeyOf } from "../storage/row-kinds.js";
import { runRetention } from "./retention.js";

const START = new Date("2026-01-01T09:00:00.000Z");
const DAY_MS = 86_400_000;
const RETENTION_DAYS = 90;
/** What liveOneDay writes of the purgeable kinds. */
const ROWS_PER_DAY = 5;
const PURGEABLE: RowKindName[] = ["notification", "deliverySent", "outboxMail", "mailSent"];

/** Writes new records as a use case's commit would, without queueing anything. */
const create = (harness: SweepHarness, changes: EntityChange[]) =>
  harness.store.commit(harness.tenantId, { changes, schedule: [], cancel: [] }, { notify: false });

/** A tenant with one open opportunity and its open task, registered for the timer. */
const arrange = async () => {
  const harness = await createSweepHarness(START);
  const { store, tenantId } = harness;
  await store.tenants.register({ tenantId, name: "Year", createdAt: START.toISOString() });
  const opportunity = opportunityRecord(tenantId, "opp-1");
  const task = harness.task("task-1", "2027-06-01T09:00:00.000Z", { opportunityId: "opp-1" });
  await create(harness, [
    { entity: "opportunity", before: null, after: opportunity },
    { entity: "task", before: null, after: task },
  ]);
  return harness;
};

/** One day of activity: a timeline line and its delivered notification, sent to two people, and a mail. */
const liveOneDay = async (harness: SweepHarness, day: number) => {
  const { storage, tenantId } = harness;
  const at = new Date(START.getTime() + day * DAY_MS);
  const activity = activityRecord(
    tenantId,
    `act-${String(day).padStart(3, "0")}`,
    "opp-1",
    at.toISOString(),
  );
  const notification: NotificationIntent = {
    tenantId,
    id: activityNotificationId(activity.id),
    createdAt: at.toISOString(),
    opportunityId: "opp-1",
    actorId: "ana",
    deliveredAt: new Date(at.getTime() + 60_000).toISOString(),
    type: "activity",
    activityId: activity.id,
    activityType: activity.type,
  };
  await create(harness, [
    { entity: "activity", before: null, after: activity },
    { entity: "notification", before: null, after: notification },
  ]);
  const sent = JSON.stringify({ activityId: null, at: notification.deliveredAt });
  const row = (rowKey: string, fields: Record<string, string>) =>
    ["upsert", { partitionKey: tenantId, rowKey, ...fields }] satisfies TransactionAction;
  await storage
    .table("tenantData")
    .submitTransaction([
      row(rowKeyOf("deliverySent", notification.id, "ana"), { data: sent }),
      row(rowKeyOf("deliverySent", notification.id, "marta"), { data: sent }),
      row(rowKeyOf("outboxMail", `m${day}`), { createdAt: at.toISOString() }),
      row(rowKeyOf("mailSent", `m${day}`), { sentAt: at.toISOString() }),
    ]);
};

/** Rows of the purgeable kinds in the tenant's partition. */
const countPurgeable = async (harness: SweepHarness): Promise<number> => {
  let count = 0;
  for (const kind of PURGEABLE) {
    const { from, to } = prefixRange(prefixOf(kind));
    const rows = harness.storage.table("tenantData").listEntities({
      queryOptions: { filter: rangeFilter(harness.tenantId, from, to), select: ["RowKey"] },
    });
    for await (const _row of rows) count += 1;
  }
  return count;
};

describe("retention", () => {
  it("keeps an opportunity's bookkeeping rows bounded over a year and its record, task and timeline whole", async () => {
    const harness = await arrange();
    const { store, tenantId } = harness;
    // A notification never delivered, with one recipient who has it: owed, so never purged.
    const owed: NotificationIntent = {
      tenantId,
      id: "owed-1",
      createdAt: START.toISOString(),
      opportunityId: "opp-1",
      actorId: null,
      deliveredAt: null,
      type: "activity",
      activityId: "act-owed",
      activityType: "note-added",
    };
    await create(harness, [{ entity: "notification", before: null, after: owed }]);
    await store.deliveryLog.recordSent(tenantId, owed.id, "luis", {
      activityId: null,
      at: START.toISOString(),
    });

    const counts: number[] = [];
    for (let day = 0; day < 365; day++) {
      harness.setNow(new Date(START.getTime() + day * DAY_MS));
      await liveOneDay(harness, day);
      if (day % 7 === 6) {
        harness.setNow(new Date(START.getTime() + day * DAY_MS + 18 * 3_600_000));
        const report = await runRetention({ store, clock: harness.clock });
        expect(report).toMatchObject({ ran: true, complete: true });
        counts.push(await countPurgeable(harness));
      }
    }

    // Five rows a day for the retention and the week between runs, plus the owed two.
    const bound = ROWS_PER_DAY * (RETENTION_DAYS + 7) + 2;
    expect(Math.max(...counts)).toBeLessThanOrEqual(bound);
    expect(ROWS_PER_DAY * 365).toBeGreaterThan(bound);
    expect(await store.getOpportunity(tenantId, "opp-1")).not.toBeNull();
    const tasks = await store.listTasksOfOpportunity(tenantId, "opp-1");
    expect(tasks.items.map((task) => [task.id, task.status])).toEqual([["task-1", "open"]]);
    const timeline = await readAllPages((page) => store.listActivities(tenantId, "opp-1", page));
    expect(timeline).toHaveLength(365);
    expect((await store.getNotification(tenantId, owed.id))?.deliveredAt).toBeNull();
    expect(await store.deliveryLog.getSent(tenantId, owed.id, "luis")).not.toBeNull();
  }, 120_000);

  it("purges a notification given up on before the cutoff with its delivery rows, and keeps a recent one", async () => {
    const harness = await arrange();
    const { store, tenantId } = harness;
    const givenUp = (id: string, daysAgo: number) => {
      const at = new Date(START.getTime() + (200 - daysAgo) * DAY_MS).toISOString();
      const notification: NotificationIntent = {
        tenantId,
        id,
        createdAt: at,
        opportunityId: "opp-1",
        actorId: null,
        deliveredAt: null,
        type: "activity",
        activityId: `act-${id}`,
        activityType: "note-added",
      };
      return { notification, at };
    };
    const old = givenUp("given-up-long-ago", 120);
    const recent = givenUp("given-up-lately", 10);
    for (const { notification, at } of [old, recent]) {
      await create(harness, [{ entity: "notification", before: null, after: notification }]);
      await store.deliveryLog.recordSent(tenantId, notification.id, "luis", {
        activityId: null,
        at,
      });
      await store.deliveryLog.deadLetter(tenantId, {
        notificationId: notification.id,
        at,
        attempts: 5,
        reason: "connector down",
      });
    }
    expect(await store.deliveryLog.countDeadLetters(tenantId)).toBe(2);

    harness.setNow(new Date(START.getTime() + 200 * DAY_MS));
    await runRetention({ store, clock: harness.clock });

    expect(await store.getNotification(tenantId, old.notification.id)).toBeNull();
    expect(await store.deliveryLog.getSent(tenantId, old.notification.id, "luis")).toBeNull();
    expect(await store.getNotification(tenantId, recent.notification.id)).not.toBeNull();
    expect(
      await store.deliveryLog.getSent(tenantId, recent.notification.id, "luis"),
    ).not.toBeNull();
    // Managers' "Undeliverable notifications" counts what was given up on within the retention.
    expect(await store.deliveryLog.isDeadLettered(tenantId, old.notification.id)).toBe(false);
    expect(await store.deliveryLog.isDeadLettered(tenantId, recent.notification.id)).toBe(true);
    expect(await store.deliveryLog.countDeadLetters(tenantId)).toBe(1);
  });

  it("runs on one host at a time: a second run while the first holds the lease does nothing", async () => {
    const harness = await arrange();
    const { store } = harness;
    await liveOneDay(harness, 0);
    harness.setNow(new Date(START.getTime() + 100 * DAY_MS));

    const reports = await Promise.all(
      ["a", "b"].map((owner) => runRetention({ store, clock: harness.clock, owner })),
    );

    expect(reports.map((report) => report.ran).sort()).toEqual([false, true]);
    expect(reports.find((report) => report.ran)?.deleted).toMatchObject({
      notification: 1,
      deliverySent: 2,
      outboxMail: 1,
      mailSent: 1,
    });
  });
});
