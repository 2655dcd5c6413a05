import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import type { Deadline, DeadlineKind } from "@dealflow/core";
import type { Logger } from "../app-deps.js";
import type { Calendar } from "../graph/calendar.js";
import type { DueRow } from "../storage/deadlines/deadline-lease.js";
import { deadlineBucket } from "../storage/deadlines/deadline-store.js";
import { bucketsBetween } from "../storage/deadlines/sweep-watermark.js";
import type { ImportState } from "../storage/imports/import-states.js";
import type { NotificationPublisher, Store } from "../storage/store.js";
import {
  DEADLINE_HANDLERS,
  type DeadlineHandlers,
  type DeadlineOutcome,
} from "./deadline-handlers.js";

export type SweepOptions = {
  store: Store;
  /** Queues notifications that a repeated firing or a relay hint hands on again. */
  publish: NotificationPublisher;
  clock: () => Date;
  /** How long a claim holds (SWEEP_LEASE_SECONDS): a crashed sweep's rows wait this long. */
  leaseSeconds: number;
  /** Wall time after which no further row is started; the rest waits for the next run. */
  budgetMs?: number;
  /** Rows fired at once. */
  concurrency?: number;
  /** Rows read per request. */
  pageSize?: number;
  handlers?: DeadlineHandlers;
  /** Where a revealed client's meeting goes (the Graph adapter, or the local outbox). */
  calendar?: Calendar;
  /** Names this sweep in the rows it leases; unique per run by default. */
  owner?: string;
  log?: Pick<Logger, "info" | "warn">;
};

export type RowOutcome =
  | "fired"
  | "skipped"
  | "failed"
  | "busy"
  | "rechecking"
  | "unhandled"
  | "dead-lettered";

export type SweepReport = {
  fired: number;
  /** Rows whose subject no longer needed them, plus rows of kinds with no handler yet. */
  skipped: number;
  /** Handlers that threw: the row stays leased and repeats once the lease expires. */
  failed: number;
  /**
   * Rows another sweep holds, hints of a CSV import not yet published, and hints whose record
   * was not there at their first look (looked at again after ABSENT_RECHECK_MS).
   */
  busy: number;
  /** Rows given up on after MAX_DEADLINE_ATTEMPTS claims, moved to the dead letters. */
  deadLettered: number;
  /** Every row looked at, in the order it was started (oldest first). */
  rows: { deadline: Deadline; outcome: RowOutcome }[];
  /** The buckets read and where the watermark stands after the sweep. */
  buckets: string[];
  watermark: string;
  /** True when the time budget ended the sweep with due rows left for the next run. */
  stoppedByBudget: boolean;
  /**
   * Storage operations shared by all rows: the watermark and the bucket reads (exact when no
   * other sweep shares this storage client at the same time).
   */
  sharedOperations: number;
};

/** A minute-timer sweep should end well before the next one starts. */
export const DEFAULT_SWEEP_BUDGET_MS = 45_000;
/**
 * Claims of one deadline before the sweep gives up on it: a handler that threw this many
 * times (or sweeps that died holding it) will not heal by itself, and a row left in its
 * bucket would hold the watermark there for ever. Five leases are about ten minutes.
 */
export const MAX_DEADLINE_ATTEMPTS = 5;
/**
 * A hint is written before its record (tenant-commit.ts), so a sweep may find a hint already
 * due (a task created past due) a moment before its record lands. Its subject missing at the
 * first look, the row is looked at again this much later; missing then too, its writer failed
 * between the two writes and the hint is dropped.
 */
export const ABSENT_RECHECK_MS = 30_000;
const DEFAULT_CONCURRENCY = 16;
const DEFAULT_PAGE_SIZE = 200;
// The watermark stays this far behind now, so a hint whose write was computed a little
// earlier (clock skew, a slow request) still lands in a bucket the next sweep reads.
const MIN_WATERMARK_LAG_MS = 15 * 60_000;

const deadlineOf = (row: DueRow): Deadline => ({
  id: row.id,
  tenantId: row.tenantId,
  kind: row.kind,
  subjectId: row.subjectId,
  dueAt: row.dueAt,
  expect: row.expect,
});

/**
 * One SLA sweep (SPEC §5): fires every deadline due by now, oldest first, from the watermark's
 * bucket to the current one. Each row is claimed by an ETag-conditional lease, its handler
 * re-reads the subject and writes an effect whose ids derive from the deadline id, then the
 * row is deleted under the same lease. See docs/storage.md, "SLA sweep", for why a crash or a
 * concurrent sweep at any point repeats nothing visible and loses nothing.
 */
export const runSweep = async (options: SweepOptions): Promise<SweepReport> => {
  const started = performance.now();
  const now = options.clock();
  const budgetMs = options.budgetMs ?? DEFAULT_SWEEP_BUDGET_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const handlers = options.handlers ?? DEADLINE_HANDLERS;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseSeconds * 1000;
  const { operations } = options.store;
  const { lease, watermark: watermarks } = options.store.sweep;
  const overBudget = () => performance.now() - started >= budgetMs;

  const report: SweepReport = {
    fired: 0,
    skipped: 0,
    failed: 0,
    busy: 0,
    deadLettered: 0,
    rows: [],
    buckets: [],
    watermark: "",
    stoppedByBudget: false,
    sharedOperations: 0,
  };
  const shared = async <T>(read: () => Promise<T>): Promise<T> => {
    const before = operations.count;
    try {
      return await read();
    } finally {
      report.sharedOperations += operations.count - before;
    }
  };
  const unhandled = new Map<DeadlineKind, number>();
  // An import's many hints ask about it once per sweep.
  const importStates = new Map<string, Promise<ImportState>>();
  const importStateOf = (tenantId: string, importId: string) => {
    const key = `${tenantId}|${importId}`;
    let state = importStates.get(key);
    if (state === undefined) {
      state = options.store.imports.states.stateOf(tenantId, importId);
      importStates.set(key, state);
    }
    return state;
  };

  /** Moves a leased row to the dead letters, so the watermark may pass its bucket. */
  const giveUp = async (row: DueRow, leaseEtag: string, attempts: number, reason: string) => {
    let settled: boolean;
    try {
      settled = await options.store.sweep.deadLetters.bury(row, leaseEtag, {
        at: options.clock(),
        attempts,
        reason,
      });
    } catch (error) {
      // Storage failed while burying: the row stays, and a later sweep gives up on it again.
      options.log?.warn(
        `SLA sweep: deadline ${row.id} failed ${attempts} times and could not be moved to the dead letters; it repeats after its lease`,
        error,
      );
      return { outcome: "failed" as const, settled: false };
    }
    options.log?.warn(
      `SLA sweep: deadline ${row.id} (${row.kind}, tenant ${row.tenantId}) failed ${attempts} times; moved to the dead letters`,
      reason,
    );
    return { outcome: "dead-lettered" as const, settled };
  };

  const fire = async (row: DueRow): Promise<{ outcome: RowOutcome; settled: boolean }> => {
    const handler = handlers[row.kind];
    if (!handler) {
      unhandled.set(row.kind, (unhandled.get(row.kind) ?? 0) + 1);
      return { outcome: "unhandled", settled: false };
    }
    // A hint a CSV import staged waits for its publish; one of an import that will never
    // publish is removed (its reaper may have run before this hint was written).
    if (row.importId !== null) {
      const state = await importStateOf(row.tenantId, row.importId);
      if (state === "pending") return { outcome: "busy", settled: false };
      if (state === "gone")
        return { outcome: "skipped", settled: await lease.complete(row, row.etag) };
    }
    // The lease counts from the claim, not from the sweep's start: a late row keeps it whole.
    const claimedAt = options.clock().getTime();
    if (row.leaseUntil > claimedAt) return { outcome: "busy", settled: false };
    const leaseEtag = await lease.claim(row, owner, new Date(claimedAt + leaseMs));
    if (leaseEtag === null) return { outcome: "busy", settled: false };
    // Claimed that often before without ever completing: its sweeps died holding it.
    if (row.attempts >= MAX_DEADLINE_ATTEMPTS) {
      return giveUp(row, leaseEtag, row.attempts, "its sweeps stopped before completing it");
    }
    let outcome: DeadlineOutcome;
    try {
      outcome = await handler(deadlineOf(row), {
        store: options.store,
        ...(options.calendar ? { calendar: options.calendar } : {}),
        now,
        publish: options.publish,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (row.attempts + 1 >= MAX_DEADLINE_ATTEMPTS) {
        return giveUp(row, leaseEtag, row.attempts + 1, reason);
      }
      options.log?.warn(
        `SLA sweep: deadline ${row.id} failed (attempt ${row.attempts + 1}); it repeats after its lease`,
        reason,
      );
      return { outcome: "failed", settled: false };
    }
    if (outcome === "absent" && row.attempts === 0) {
      // Unanswered, the lease simply runs out later: the second look only comes later.
      await lease
        .releaseAt(row, leaseEtag, new Date(claimedAt + ABSENT_RECHECK_MS))
        .catch(() => false);
      return { outcome: "rechecking", settled: false };
    }
    const settled = await lease.complete(row, leaseEtag).catch(() => false);
    return { outcome: outcome === "absent" ? "skipped" : outcome, settled };
  };

  /** Fires `rows` with bounded concurrency, in order; resolves to whether all were settled. */
  const fireAll = async (rows: DueRow[]): Promise<boolean> => {
    let next = 0;
    let allSettled = true;
    const worker = async () => {
      while (next < rows.length) {
        if (overBudget()) {
          report.stoppedByBudget = true;
          allSettled = false;
          return;
        }
        const row = rows[next++] as DueRow;
        const entry: SweepReport["rows"][number] = { deadline: deadlineOf(row), outcome: "busy" };
        report.rows.push(entry);
        const result = await fire(row).catch((error: unknown) => {
          options.log?.warn(`SLA sweep: deadline ${row.id} could not be claimed`, error);
          return { outcome: "failed" as const, settled: false };
        });
        entry.outcome = result.outcome;
        if (!result.settled) allSettled = false;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
    return allSettled;
  };

  const current = await shared(() => watermarks.read());
  const nowBucket = deadlineBucket(now);
  const from = current?.bucket ?? (await shared(() => watermarks.oldestBucket())) ?? nowBucket;
  // The oldest bucket this sweep leaves something in: the watermark may not pass it.
  let leftIn: string | null = null;
  for (const bucket of bucketsBetween(from, nowBucket)) {
    if (overBudget()) {
      report.stoppedByBudget = true;
      leftIn ??= bucket;
      break;
    }
    report.buckets.push(bucket);
    let after: string | undefined;
    for (;;) {
      const rows = await shared(() => lease.readDue(bucket, now, pageSize, after));
      const settled = await fireAll(rows);
      if (!settled) leftIn ??= bucket;
      if (rows.length < pageSize || report.stoppedByBudget) break;
      after = rows.at(-1)?.rowKey;
    }
    if (report.stoppedByBudget) {
      leftIn ??= bucket;
      break;
    }
  }

  const lagged = deadlineBucket(new Date(now.getTime() - Math.max(leaseMs, MIN_WATERMARK_LAG_MS)));
  const target = leftIn !== null && leftIn < lagged ? leftIn : lagged;
  report.watermark = current?.bucket ?? from;
  if (current === null || target > current.bucket) {
    if (await shared(() => watermarks.advance(current, target))) report.watermark = target;
  }

  for (const { outcome } of report.rows) {
    if (outcome === "fired") report.fired += 1;
    else if (outcome === "skipped" || outcome === "unhandled") report.skipped += 1;
    else if (outcome === "failed") report.failed += 1;
    else if (outcome === "dead-lettered") report.deadLettered += 1;
    else report.busy += 1;
  }
  for (const [kind, count] of unhandled) {
    options.log?.warn(
      `SLA sweep: ${count} deadline(s) of kind "${kind}" have no handler yet; left in place to fire once one is registered`,
    );
  }
  return report;
};
