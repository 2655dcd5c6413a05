import type { User } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { runDailyDigest } from "./daily-digest.js";
import { createSweepHarness, type SweepHarness } from "./sla.test-support.js";

// 08:00 in Madrid (UTC+1 in March), 03:00 in New York.
const MADRID_EIGHT = new Date("2026-03-02T07:00:00.000Z");

const user = (harness: SweepHarness, id: string, timeZone: string | null): User => ({
  tenantId: harness.tenantId,
  id,
  name: id,
  email: null,
  role: "seller",
  locale: "en",
  timeZone,
  active: true,
  teamIds: [],
});

const setUp = async () => {
  const harness = await createSweepHarness(MADRID_EIGHT);
  await harness.store.tenants.register({
    tenantId: harness.tenantId,
    name: "Digest test",
    createdAt: MADRID_EIGHT.toISOString(),
  });
  const users = [
    user(harness, "madrid", "Europe/Madrid"),
    user(harness, "new-york", "America/New_York"),
    user(harness, "tenant-zone", null),
    user(harness, "idle", "Europe/Madrid"),
  ];
  await harness.store.commit(
    harness.tenantId,
    {
      changes: users.map((after) => ({ entity: "user" as const, before: null, after })),
      schedule: [],
      cancel: [],
    },
    { notify: false },
  );
  await harness.addTasks(
    ["madrid", "new-york", "tenant-zone"].map((ownerId) =>
      harness.task(`overdue-${ownerId}`, "2026-02-27T10:00:00.000Z", { ownerId }),
    ),
  );
  return harness;
};

const digests = async (harness: SweepHarness) =>
  (await harness.outbox()).filter((row) => row.type === "daily-digest").map((row) => row.id);

describe("daily agenda digest", () => {
  it("sends one digest to each user for whom it is 8 o'clock, and only with tasks to show", async () => {
    const harness = await setUp();

    const report = await runDailyDigest(harness.store, MADRID_EIGHT);

    expect(report).toEqual({ sent: 1, repeated: 0 });
    expect(await digests(harness)).toEqual(["digest:madrid:2026-03-02"]);
  });

  it("sends nothing twice when the same hour runs again", async () => {
    const harness = await setUp();
    await runDailyDigest(harness.store, MADRID_EIGHT);

    const again = await runDailyDigest(harness.store, new Date("2026-03-02T07:00:30.000Z"));

    expect(again).toEqual({ sent: 0, repeated: 1 });
    expect(await digests(harness)).toHaveLength(1);
  });

  it("serves users without a zone at 8 o'clock in the tenant's zone (UTC by default)", async () => {
    const harness = await setUp();

    await runDailyDigest(harness.store, new Date("2026-03-02T08:00:00.000Z"));

    expect(await digests(harness)).toEqual(["digest:tenant-zone:2026-03-02"]);
  });
});
