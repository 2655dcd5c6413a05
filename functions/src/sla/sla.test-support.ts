import { randomUUID } from "node:crypto";
import {
  type Deadline,
  defaultSettings,
  type NotificationIntent,
  type Settings,
  type Task,
  taskDeadlines,
  withScheduled,
} from "@dealflow/core";
import { inject } from "vitest";
import { taskRecord } from "../storage/records.test-support.js";
import { createStore, type Store } from "../storage/store.js";
import { createTableStorage } from "../storage/table-storage.js";
import { runSweep, type SweepOptions, type SweepReport } from "./sla-sweep.js";

/** Reminders at due time only, so each task is one deadline. */
export const DUE_ONLY: Settings = {
  ...defaultSettings(),
  durations: { ...defaultSettings().durations, taskDueSoonMinutes: 0 },
};

/**
 * A store on fresh tables of the run's Azurite, a clock the test moves by hand, and a
 * publisher that records what the sweep hands to the notifications queue.
 */
export const createSweepHarness = async (start: Date) => {
  let now = start;
  const clock = () => now;
  const published: NotificationIntent[] = [];
  const publish = async (notifications: readonly NotificationIntent[]) => {
    published.push(...notifications);
  };
  const storage = createTableStorage({
    connectionString: inject("storageConnectionString"),
    tablePrefix: `s${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  const store = createStore(storage, clock, { publish });
  const tenantId = randomUUID();

  /** Writes tasks and their deadlines as a use case's commit would, 50 to a transaction. */
  const addTasks = async (tasks: Task[], settings: Settings = DUE_ONLY): Promise<Deadline[]> => {
    const all: Deadline[] = [];
    for (let i = 0; i < tasks.length; i += 50) {
      const group = tasks.slice(i, i + 50).map((task) => {
        const schedule = taskDeadlines(task, settings, now);
        all.push(...schedule);
        return { task: withScheduled(task, schedule), schedule };
      });
      await store.commit(
        tenantId,
        {
          changes: group.map(({ task }) => ({
            entity: "task" as const,
            before: null,
            after: task,
          })),
          schedule: group.flatMap(({ schedule }) => schedule),
          cancel: [],
        },
        { notify: false },
      );
    }
    return all;
  };

  const task = (id: string, dueAt: string, over: Partial<Task> = {}) =>
    taskRecord(tenantId, id, { dueAt, createdAt: now.toISOString(), ...over });

  /** Every outbox row of the tenant. */
  const outbox = async (): Promise<NotificationIntent[]> => {
    const rows: NotificationIntent[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listNotifications(tenantId, { cursor, limit: 200 });
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return rows;
  };

  /** Deadline rows still in their hour buckets (the watermark and dead letters left out). */
  const storedDeadlines = async (): Promise<{ id: string; leaseOwner: string }[]> => {
    const rows: { id: string; leaseOwner: string }[] = [];
    const entities = storage.table("deadlines").listEntities<{ id: string; leaseOwner: string }>({
      queryOptions: { filter: "PartitionKey ge '0000000000' and PartitionKey le '9999999999'" },
    });
    for await (const entity of entities)
      rows.push({ id: entity.id, leaseOwner: entity.leaseOwner });
    return rows;
  };

  const sweep = (options: Partial<SweepOptions> = {}): Promise<SweepReport> =>
    // A generous budget: a loaded test machine must not cut a sweep the test expects whole.
    runSweep({ store, publish, clock, leaseSeconds: 120, budgetMs: 5 * 60_000, ...options });

  return {
    store: store as Store,
    storage,
    tenantId,
    published,
    clock,
    setNow: (at: Date | string) => {
      now = typeof at === "string" ? new Date(at) : at;
    },
    addTasks,
    task,
    outbox,
    storedDeadlines,
    sweep,
  };
};

export type SweepHarness = Awaited<ReturnType<typeof createSweepHarness>>;

/** `count` tasks due one minute apart from `firstDue`. */
export const tasksDueFrom = (
  harness: SweepHarness,
  firstDue: string,
  count: number,
  stepMs = 60_000,
  prefix = "task",
): Task[] =>
  Array.from({ length: count }, (_, i) =>
    harness.task(
      `${prefix}-${String(i).padStart(4, "0")}`,
      new Date(Date.parse(firstDue) + i * stepMs).toISOString(),
    ),
  );

/** An outbox row with no subject to read: a user's daily digest, as a test's plain outbox row. */
export const digestIntent = (
  tenantId: string,
  userId: string,
  createdAt = "2026-03-02T09:00:00.000Z",
): NotificationIntent => ({
  tenantId,
  id: `digest:${userId}:${createdAt.slice(0, 10)}`,
  createdAt,
  opportunityId: null,
  actorId: null,
  deliveredAt: null,
  type: "daily-digest",
  userId,
  date: createdAt.slice(0, 10),
});
