import {
  completeTask,
  createOpportunity,
  createTask,
  defaultSettings,
  type Opportunity,
  recordFirstContact,
  rescheduleTask,
  type Settings,
  type Task,
  type UseCaseContext,
  ulidGenerator,
} from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { createSweepHarness, DUE_ONLY, type SweepHarness } from "./sla.test-support.js";
import type { SweepReport } from "./sla-sweep.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const ANA = { userId: "ana", role: "seller" as const, teamIds: [] };

const contextOf = (harness: SweepHarness, settings: Settings = DUE_ONLY): UseCaseContext => ({
  now: harness.clock(),
  actor: { tenantId: harness.tenantId, ...ANA },
  tenantId: harness.tenantId,
  settings,
  ids: ulidGenerator(() => harness.clock().getTime()),
});

const addTask = async (harness: SweepHarness, dueAt: string, settings?: Settings) => {
  const outcome = createTask(
    { opportunity: null, kind: "call", title: "Call back", dueAt },
    contextOf(harness, settings),
  );
  await harness.store.commit(harness.tenantId, outcome);
  return (await harness.store.getTask(harness.tenantId, outcome.value.id)) ?? outcome.value;
};

/** A task created an hour past due: its reminder's hint is due the moment it is written. */
const pastDueTask = (harness: SweepHarness) =>
  createTask(
    { opportunity: null, kind: "call", title: "Call back", dueAt: "2026-03-02T08:00:00.000Z" },
    contextOf(harness, defaultSettings()),
  );

const reminderTypes = async (harness: SweepHarness) =>
  (await harness.outbox()).map((row) => [row.type, "when" in row ? row.when : null]);

const firstContactFired = (report: SweepReport) =>
  report.rows.filter(
    (row) => row.deadline.kind.startsWith("first-contact") && row.outcome === "fired",
  ).length;

describe("SLA deadlines scheduled and cancelled by the use cases", () => {
  it("sends no reminder for a task completed before due, even if its deadline row survived", async () => {
    const harness = await createSweepHarness(START);
    const task = await addTask(harness, "2026-03-02T10:00:00.000Z");
    const done = completeTask(
      { task, outcome: null, contact: null, opportunity: null },
      contextOf(harness),
    );
    // The hint's removal is best effort: commit the completion as if it had failed.
    await harness.store.commit(harness.tenantId, { ...done, cancel: [] });
    harness.setNow("2026-03-02T10:01:00.000Z");

    const report = await harness.sweep();

    expect([report.fired, report.skipped]).toEqual([0, 1]);
    expect(await harness.outbox()).toEqual([]);
    expect(await harness.storedDeadlines()).toEqual([]);
  });

  it("moves the reminder of a rescheduled task to its new due time", async () => {
    const harness = await createSweepHarness(START);
    const task = await addTask(harness, "2026-03-02T10:00:00.000Z");
    const moved = rescheduleTask(
      { task, opportunity: null, dueAt: "2026-03-02T15:00:00.000Z" },
      contextOf(harness),
    );
    await harness.store.commit(harness.tenantId, moved);

    harness.setNow("2026-03-02T10:01:00.000Z");
    const atOldTime = await harness.sweep();
    harness.setNow("2026-03-02T15:00:00.000Z");
    const atNewTime = await harness.sweep();

    expect([atOldTime.fired, atNewTime.fired]).toEqual([0, 1]);
    expect(await harness.outbox()).toMatchObject([
      { type: "task-reminder", taskId: task.id, dueAt: "2026-03-02T15:00:00.000Z" },
    ]);
  });

  it("ignores the old reminder of a rescheduled task whose row was not removed", async () => {
    const harness = await createSweepHarness(START);
    const task = await addTask(harness, "2026-03-02T10:00:00.000Z");
    const moved = rescheduleTask(
      { task, opportunity: null, dueAt: "2026-03-02T15:00:00.000Z" },
      contextOf(harness),
    );
    await harness.store.commit(harness.tenantId, { ...moved, cancel: [] });
    harness.setNow("2026-03-02T10:01:00.000Z");

    const report = await harness.sweep();

    expect([report.fired, report.skipped]).toEqual([0, 1]);
  });

  it("reminds a task created already past due exactly once", async () => {
    const harness = await createSweepHarness(START);
    await addTask(harness, "2026-02-27T10:00:00.000Z", defaultSettings());

    const first = await harness.sweep();
    harness.setNow("2026-03-02T09:05:00.000Z");
    const second = await harness.sweep();

    expect([first.fired, second.fired]).toEqual([1, 0]);
    expect(await reminderTypes(harness)).toEqual([["task-reminder", "due"]]);
  });

  it("still reminds a past-due task whose hint a sweep found before the task itself landed", async () => {
    const harness = await createSweepHarness(START);
    const created = pastDueTask(harness);
    // A commit writes its hints first, then its records (tenant-commit.ts). A sweep between the
    // two finds a hint already due and no task: it must look again, not drop the hint.
    await harness.store.deadlines.schedule(created.schedule, harness.clock());
    const between = await harness.sweep();
    await harness.store.commit(harness.tenantId, { ...created, schedule: [] });
    harness.setNow("2026-03-02T09:00:31.000Z");
    const after = await harness.sweep();

    expect([between.fired, between.skipped, after.fired]).toEqual([0, 0, 1]);
    expect(await reminderTypes(harness)).toEqual([["task-reminder", "due"]]);
    expect(await harness.storedDeadlines()).toEqual([]);
  });

  it("drops a hint whose record never landed once a second look still finds nothing", async () => {
    const harness = await createSweepHarness(START);
    const created = pastDueTask(harness);
    // The writer died between its hints and its transaction: the task never exists.
    await harness.store.deadlines.schedule(created.schedule, harness.clock());
    const first = await harness.sweep();
    harness.setNow("2026-03-02T09:00:10.000Z");
    const tooSoon = await harness.sweep();
    harness.setNow("2026-03-02T09:00:31.000Z");
    const second = await harness.sweep();

    expect([first.busy, tooSoon.busy, second.skipped, second.fired]).toEqual([1, 1, 1, 0]);
    expect(await harness.outbox()).toEqual([]);
    expect(await harness.storedDeadlines()).toEqual([]);
  });

  it("reminds 1 hour before and at due time, then escalates when the tenant set it", async () => {
    const harness = await createSweepHarness(START);
    const settings: Settings = {
      ...defaultSettings(),
      durations: { ...defaultSettings().durations, taskOverdueEscalationMinutes: 60 },
    };
    await addTask(harness, "2026-03-02T12:00:00.000Z", settings);

    const fired: number[] = [];
    for (const at of ["11:00", "12:00", "12:59", "13:00"]) {
      harness.setNow(`2026-03-02T${at}:00.000Z`);
      fired.push((await harness.sweep()).fired);
    }

    expect(fired).toEqual([1, 1, 0, 1]);
    expect((await reminderTypes(harness)).sort()).toEqual([
      ["task-overdue-escalation", null],
      ["task-reminder", "due"],
      ["task-reminder", "due-soon"],
    ]);
  });

  it("reminds the owner 15 minutes after reception and escalates after 4 hours without contact", async () => {
    const harness = await createSweepHarness(START);
    const created = createOpportunity(
      { contact: { name: "Lead Example" }, source: "web-form", ownerId: "ana", origin: "intake" },
      { ...contextOf(harness, defaultSettings()), actor: null },
    );
    await harness.store.commit(harness.tenantId, created);

    harness.setNow("2026-03-02T09:15:00.000Z");
    const atTarget = await harness.sweep();
    harness.setNow("2026-03-02T13:00:00.000Z");
    const atEscalation = await harness.sweep();

    // The activity's relay hint fires too (its queue message is not recorded here): leave it out.
    expect([firstContactFired(atTarget), firstContactFired(atEscalation)]).toEqual([1, 1]);
    expect((await harness.outbox()).filter((row) => row.type !== "activity")).toMatchObject([
      { type: "first-contact-escalation", opportunityId: created.value.id },
      { type: "first-contact-reminder", opportunityId: created.value.id },
    ]);
  });

  it("does not escalate once the first contact was recorded", async () => {
    const harness = await createSweepHarness(START);
    const created = createOpportunity(
      { contact: { name: "Lead Example" }, source: "web-form", ownerId: "ana", origin: "intake" },
      { ...contextOf(harness, defaultSettings()), actor: null },
    );
    await harness.store.commit(harness.tenantId, created);
    harness.setNow("2026-03-02T09:10:00.000Z");
    const opportunity = (await harness.store.getOpportunity(
      harness.tenantId,
      created.value.id,
    )) as Opportunity;
    const contacted = recordFirstContact(
      { opportunity, openTasks: [] as Task[], action: "second-contact" },
      contextOf(harness, defaultSettings()),
    );
    // Hints left behind on purpose: the handlers must still see that nothing is due.
    await harness.store.commit(harness.tenantId, { ...contacted, cancel: [] });

    harness.setNow("2026-03-02T13:00:00.000Z");
    const report = await harness.sweep();

    expect(report.rows.filter((row) => row.deadline.kind.startsWith("first-contact"))).toEqual([
      expect.objectContaining({ outcome: "skipped" }),
      expect.objectContaining({ outcome: "skipped" }),
    ]);
    expect((await harness.outbox()).filter((row) => row.type !== "activity")).toEqual([]);
  });
});

describe("notification relay hints", () => {
  it("re-queues an outbox row whose queue message never left", async () => {
    const harness = await createSweepHarness(START);
    const created = createOpportunity(
      { contact: { name: "Lead Example" }, source: "web-form", ownerId: "ana", origin: "intake" },
      { ...contextOf(harness, defaultSettings()), actor: null },
    );
    await harness.store.commit(harness.tenantId, created);
    const [activityRow] = await harness.outbox();
    harness.published.length = 0;

    harness.setNow("2026-03-02T09:01:00.000Z");
    const report = await harness.sweep();

    expect(report.rows.map((row) => [row.deadline.kind, row.outcome])).toEqual([
      ["notification-relay", "fired"],
    ]);
    expect(harness.published.map((row) => row.id)).toEqual([activityRow?.id]);
  });

  it("leaves a delivered outbox row alone", async () => {
    const harness = await createSweepHarness(START);
    const created = createOpportunity(
      { contact: { name: "Lead Example" }, source: "web-form", ownerId: "ana", origin: "intake" },
      { ...contextOf(harness, defaultSettings()), actor: null },
    );
    const [notification] = (await harness.store.commit(harness.tenantId, created)).notifications;
    const stored = await harness.store.getNotification(harness.tenantId, notification?.id ?? "");
    if (stored === null) throw new Error("the outbox row was not written");
    await harness.store.commit(
      harness.tenantId,
      {
        changes: [
          {
            entity: "notification",
            before: stored,
            after: { ...stored, deliveredAt: "2026-03-02T09:00:05.000Z" },
          },
        ],
        schedule: [],
        cancel: [],
      },
      { notify: false },
    );
    harness.published.length = 0;

    harness.setNow("2026-03-02T09:01:00.000Z");
    const report = await harness.sweep();

    expect(report.rows.map((row) => [row.deadline.kind, row.outcome])).toEqual([
      ["notification-relay", "skipped"],
    ]);
    expect(harness.published).toEqual([]);
  });
});
