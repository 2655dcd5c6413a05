import { randomUUID } from "node:crypto";
import { type Activity, activityNotificationId, notificationOfActivity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { arrangeOpportunity } from "../api/api.test-support.js";
import { subjectReads } from "./recipients.js";

let harness: ApiHarness;
const tenant = randomUUID();
const ana = newTestUser(tenant, { name: "Ana García" });
let line: Activity;

beforeAll(async () => {
  harness = await startApiHarness();
  await harness.call(ana, "GET", "/api/settings");
  const opportunity = await arrangeOpportunity(harness, { owner: ana });
  const timeline = await harness.deps.store.listActivities(tenant, opportunity.id);
  const created = timeline.items.find((item) => item.type === "created");
  if (!created) throw new Error("no created line");
  line = created;
});
afterAll(() => harness?.close());

describe("the line an activity's delivery reports", () => {
  it("comes with its outbox row: no read", async () => {
    // The row as the commit stored it, next to the line.
    const row = await harness.deps.store.getNotification(tenant, activityNotificationId(line.id));
    if (row === null) throw new Error("no outbox row for the line");
    const reads = vi.spyOn(harness.deps.store, "getActivity");
    try {
      expect(await subjectReads(harness.deps.store, row).line()).toEqual(line);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("is read by its key for a row written before rows carried it", async () => {
    const row = notificationOfActivity(line);
    if (row.type !== "activity") throw new Error("not an activity's row");
    const { line: _carried, ...older } = row;
    const reads = vi.spyOn(harness.deps.store, "getActivity");
    try {
      // As stored, with its ETag: the carried line has none, and no card reads one.
      expect(await subjectReads(harness.deps.store, older).line()).toMatchObject(line);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
