import type { Deadline } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { DEADLINE_HANDLERS, type DeadlineHandler } from "./deadline-handlers.js";
import { createSweepHarness, tasksDueFrom } from "./sla.test-support.js";
import { MAX_DEADLINE_ATTEMPTS } from "./sla-sweep.js";

const START = new Date("2026-03-02T09:00:00.000Z");
const LEASE_SECONDS = 120;

const withTaskDue = (handler: DeadlineHandler) => ({ ...DEADLINE_HANDLERS, "task-due": handler });
const realTaskDue = DEADLINE_HANDLERS["task-due"] as DeadlineHandler;

describe("SLA sweep: exactly once in effect", () => {
  it("fires 300 due deadlines exactly once when three sweeps run at the same time", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 300, 10_000));
    harness.setNow("2026-03-02T10:00:00.000Z");

    const reports = await Promise.all(
      ["a", "b", "c"].map((owner) => harness.sweep({ owner, concurrency: 8 })),
    );

    const outbox = await harness.outbox();
    expect(reports.reduce((sum, report) => sum + report.fired, 0)).toBe(300);
    expect(reports.reduce((sum, report) => sum + report.failed, 0)).toBe(0);
    expect(outbox).toHaveLength(300);
    expect(new Set(outbox.map((row) => row.id)).size).toBe(300);
    expect(new Set(harness.published.map((row) => row.id)).size).toBe(harness.published.length);
    expect(await harness.storedDeadlines()).toEqual([]);
  }, 90_000);

  it("loses and repeats nothing when a sweep dies after claiming, before the effect", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 5));
    harness.setNow("2026-03-02T09:30:00.000Z");
    const crash: DeadlineHandler = async () => {
      throw new Error("process killed");
    };

    const crashed = await harness.sweep({ owner: "dies", handlers: withTaskDue(crash) });
    const whileLeased = await harness.sweep({ owner: "second" });
    harness.setNow(new Date(harness.clock().getTime() + (LEASE_SECONDS + 1) * 1000));
    const afterExpiry = await harness.sweep({ owner: "third" });

    expect([crashed.failed, whileLeased.busy, whileLeased.fired, afterExpiry.fired]).toEqual([
      5, 5, 0, 5,
    ]);
    expect(await harness.outbox()).toHaveLength(5);
    expect(harness.published).toHaveLength(5);
    expect(await harness.storedDeadlines()).toEqual([]);
  });

  it("loses and repeats nothing when a sweep dies after the effect, before completing", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 5));
    harness.setNow("2026-03-02T09:30:00.000Z");
    const crashAfterEffect: DeadlineHandler = async (deadline, ctx) => {
      await realTaskDue(deadline, ctx);
      throw new Error("process killed");
    };

    await harness.sweep({ owner: "dies", handlers: withTaskDue(crashAfterEffect) });
    const firstEffects = await harness.outbox();
    harness.setNow(new Date(harness.clock().getTime() + (LEASE_SECONDS + 1) * 1000));
    const afterExpiry = await harness.sweep({ owner: "second" });

    expect(afterExpiry.fired).toBe(5);
    // The same five outbox rows, written once, by the first attempt.
    expect(await harness.outbox()).toEqual(firstEffects);
    expect(firstEffects).toHaveLength(5);
    // Queued again under the same ids: delivery is idempotent by notification id.
    expect(new Set(harness.published.map((row) => row.id)).size).toBe(5);
    expect(await harness.storedDeadlines()).toEqual([]);
  });
});

describe("SLA sweep: catch-up and cost", () => {
  it("fires everything missed during a 2-hour outage on the next run, oldest first", async () => {
    const harness = await createSweepHarness(START);
    await harness.sweep();
    const tasks = tasksDueFrom(harness, "2026-03-02T09:05:00.000Z", 12, 10 * 60_000);
    // Written in shuffled order: the order of firing comes from the due times.
    await harness.addTasks([...tasks].reverse());
    harness.setNow("2026-03-02T11:05:00.000Z");

    const report = await harness.sweep({ concurrency: 1 });

    const dueTimes = report.rows.map((row) => row.deadline.dueAt);
    expect(report.fired).toBe(12);
    expect(dueTimes).toEqual(tasks.map((task) => task.dueAt));
  });

  it("reads only the buckets from its watermark to now, however much is stored for later", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T12:00:00.000Z", 40, 15 * 60_000));
    await harness.sweep();
    harness.setNow("2026-03-02T09:01:00.000Z");
    const before = harness.storage.operations.count;

    const report = await harness.sweep();

    expect(report.buckets).toEqual(["2026030208", "2026030209"]);
    // The watermark read plus one range read per bucket: nothing of the later hours.
    expect(harness.storage.operations.count - before).toBe(1 + report.buckets.length);
  });

  it("stops at its time budget and leaves the rest for the next run", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T07:10:00.000Z", 4, 30 * 60_000));
    harness.setNow("2026-03-02T09:30:00.000Z");

    const cut = await harness.sweep({ budgetMs: 0 });
    const next = await harness.sweep();

    expect([cut.fired, cut.stoppedByBudget, next.fired]).toEqual([0, true, 4]);
  });

  it("uses four storage operations to fire one deadline", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 10));
    harness.setNow("2026-03-02T09:30:00.000Z");
    await harness.sweep({ owner: "warm-up", budgetMs: 0 });
    const before = harness.storage.operations.count;

    const report = await harness.sweep();

    // Watermark read and one bucket read per bucket, then claim, subject, effect, complete.
    expect(report.fired).toBe(10);
    expect(report.sharedOperations).toBe(1 + report.buckets.length);
    expect(harness.storage.operations.count - before - report.sharedOperations).toBe(4 * 10);
  });
});

describe("SLA sweep: kinds without a handler", () => {
  it("leaves a deadline of a kind with no handler in place and counts it as skipped", async () => {
    const harness = await createSweepHarness(START);
    const offerExpiry: Deadline = {
      id: "offer-expiry~offer-1~1772442000000",
      tenantId: harness.tenantId,
      kind: "offer-expiry",
      subjectId: "offer-1",
      dueAt: "2026-03-02T09:00:00.000Z",
      expect: null,
    };
    await harness.store.deadlines.schedule([offerExpiry], START);
    harness.setNow("2026-03-02T12:00:00.000Z");

    // Every kind has a handler now; the mechanism is kept for the next kind added to core.
    const handlers = { ...DEADLINE_HANDLERS, "offer-expiry": null };
    const report = await harness.sweep({ handlers });
    const later = await harness.sweep({ handlers });

    expect([report.skipped, later.skipped]).toEqual([1, 1]);
    expect((await harness.storedDeadlines()).map((row) => row.id)).toEqual([offerExpiry.id]);
    expect(later.watermark <= "2026030209").toBe(true);
  });
});

describe("SLA sweep: dead letters", () => {
  const afterLease = (harness: { clock: () => Date }) =>
    new Date(harness.clock().getTime() + (LEASE_SECONDS + 1) * 1000);

  it(`moves a deadline whose handler fails ${MAX_DEADLINE_ATTEMPTS} times to the dead letters and lets the watermark move on`, async () => {
    const harness = await createSweepHarness(START);
    // The first task's handler always throws; its sibling and two later tasks are healthy.
    const first = tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 2);
    const later = tasksDueFrom(harness, "2026-03-02T11:10:00.000Z", 2, 60_000, "later");
    await harness.addTasks([...first, ...later]);
    const failing: DeadlineHandler = async (deadline, ctx) => {
      if (deadline.subjectId === first[0]?.id) throw new Error("corrupt subject");
      return realTaskDue(deadline, ctx);
    };
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (text: string) => warnings.push(text) };
    harness.setNow("2026-03-02T09:30:00.000Z");

    const reports = [];
    for (let attempt = 1; attempt <= MAX_DEADLINE_ATTEMPTS; attempt++) {
      reports.push(await harness.sweep({ handlers: withTaskDue(failing), log }));
      harness.setNow(afterLease(harness));
    }
    harness.setNow("2026-03-02T11:30:00.000Z");
    const afterwards = await harness.sweep({ handlers: withTaskDue(failing), log });

    expect(reports.map((report) => [report.failed, report.deadLettered])).toEqual([
      ...Array(MAX_DEADLINE_ATTEMPTS - 1).fill([1, 0]),
      [0, 1],
    ]);
    expect(reports[0]?.fired).toBe(1);
    expect(afterwards.fired).toBe(2);
    expect(afterwards.watermark).toBe("2026030211");
    expect(await harness.storedDeadlines()).toEqual([]);
    expect(await harness.store.sweep.deadLetters.count(harness.tenantId)).toBe(1);
    expect(await harness.store.sweep.deadLetters.count("another-tenant")).toBe(0);
    expect(warnings.filter((text) => text.includes("moved to the dead letters"))).toHaveLength(1);
  });

  it("gives up without running the handler on a row whose sweeps died holding it each time", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 1));
    harness.setNow("2026-03-02T09:30:00.000Z");
    const { lease } = harness.store.sweep;
    for (let claim = 0; claim < MAX_DEADLINE_ATTEMPTS; claim++) {
      const [row] = await lease.readDue("2026030209", harness.clock(), 10);
      if (row) await lease.claim(row, `died-${claim}`, new Date(0));
    }
    let ran = 0;
    const counting: DeadlineHandler = async (deadline, ctx) => {
      ran += 1;
      return realTaskDue(deadline, ctx);
    };

    const report = await harness.sweep({ handlers: withTaskDue(counting) });

    expect([report.deadLettered, report.fired, ran]).toEqual([1, 0, 0]);
    expect(await harness.store.sweep.deadLetters.count(harness.tenantId)).toBe(1);
  });

  it("keeps the row and says so when storage fails while burying it", async () => {
    const harness = await createSweepHarness(START);
    await harness.addTasks(tasksDueFrom(harness, "2026-03-02T09:10:00.000Z", 1));
    harness.setNow("2026-03-02T09:30:00.000Z");
    const { lease, deadLetters } = harness.store.sweep;
    for (let claim = 0; claim < MAX_DEADLINE_ATTEMPTS; claim++) {
      const [row] = await lease.readDue("2026030209", harness.clock(), 10);
      if (row) await lease.claim(row, `died-${claim}`, new Date(0));
    }
    const bury = deadLetters.bury;
    deadLetters.bury = async () => {
      throw new Error("storage unavailable");
    };
    const warnings: string[] = [];
    try {
      const report = await harness.sweep({
        log: { info: () => undefined, warn: (text: string) => warnings.push(text) },
      });
      expect([report.deadLettered, report.failed]).toEqual([0, 1]);
    } finally {
      deadLetters.bury = bury;
    }
    expect(warnings.join("\n")).toContain("could not be moved to the dead letters");
    expect(warnings.join("\n")).not.toContain("could not be claimed");
    expect(await harness.storedDeadlines()).toHaveLength(1);
    expect(await deadLetters.count(harness.tenantId)).toBe(0);
  });
});
