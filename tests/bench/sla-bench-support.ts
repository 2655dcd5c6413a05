import { performance } from "node:perf_hooks";
import {
  defaultSettings,
  type NotificationIntent,
  type Task,
  taskDeadlines,
  withScheduled,
} from "@dealflow/core";
import { runSweep, type SweepOptions } from "../../functions/src/sla/sla-sweep.js";
import { createStore, type Store } from "../../functions/src/storage/store.js";
import type { BenchContext } from "./bench-kit.js";

export const TENANT = "bench-sla";
// Reminders at due time only, around the clock: the sweep measured fires every one of them.
const DUE_ONLY = {
  ...defaultSettings(),
  durations: { ...defaultSettings().durations, taskDueSoonMinutes: 0 },
  workingHours: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" },
};
export const noPublish = async (_: readonly NotificationIntent[]) => {};

/** A store on `ctx`'s tables whose clock the benchmark sets. */
export const clockedStore = async (ctx: BenchContext) => {
  const base = await ctx.newStore();
  let now = new Date();
  const store = createStore(base.storage, () => now, { publish: noPublish });
  return {
    store,
    storage: base.storage,
    setNow: (at: Date) => {
      now = at;
    },
    clock: () => now,
  };
};

/** Writes tasks with their due reminders, as use cases commit them (50 tasks, one transaction). */
export const addDueTasks = async (store: Store, tasks: Task[], now: Date, tenantId = TENANT) => {
  for (let i = 0; i < tasks.length; i += 50) {
    const group = tasks.slice(i, i + 50).map((task) => {
      const schedule = taskDeadlines(task, DUE_ONLY, now);
      return { task: withScheduled(task, schedule), schedule };
    });
    await store.commit(
      tenantId,
      {
        changes: group.map(({ task }) => ({ entity: "task" as const, before: null, after: task })),
        schedule: group.flatMap(({ schedule }) => schedule),
        cancel: [],
      },
      { notify: false },
    );
  }
};

type ClockedStore = Awaited<ReturnType<typeof clockedStore>>;

/** One sweep of `target` at its clock's now, and its wall time (ms). */
export const timedSweep = async (target: ClockedStore, options: Partial<SweepOptions> = {}) => {
  const began = performance.now();
  const report = await runSweep({
    store: target.store,
    publish: noPublish,
    clock: target.clock,
    leaseSeconds: 120,
    ...options,
  });
  return { report, ms: performance.now() - began };
};
