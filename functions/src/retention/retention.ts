import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { retentionCutoff } from "@dealflow/core";
import type { Logger } from "../app-deps.js";
import type { RowKindName } from "../storage/row-kinds.js";
import type { Store } from "../storage/store.js";

export type RetentionOptions = {
  store: Store;
  clock: () => Date;
  /** Rows read at most in one run, over all tenants; the rest waits for the next run. */
  maxRowsRead?: number;
  /** How long a run holds the lease: a crashed run's lease frees itself after this. */
  leaseMinutes?: number;
  owner?: string;
  log?: Pick<Logger, "info" | "warn">;
};

export type RetentionReport = {
  /** False when another host held the lease, and this run did nothing. */
  ran: boolean;
  tenants: number;
  deleted: Partial<Record<RowKindName, number>>;
  /** False when the row budget stopped the run; the next one resumes after the last tenant done. */
  complete: boolean;
};

const DEFAULT_MAX_ROWS_READ = 100_000;
/** A rate-limit peer row idle this long belongs to an instance that is gone. */
const LIMITER_PEER_IDLE_MS = 24 * 3_600_000;
const DEFAULT_LEASE_MINUTES = 60;

/**
 * One retention run (issue 23): for each tenant, in id order from where the last unfinished
 * run stopped, purges the bookkeeping rows older than the tenant's `retentionDays`. One host
 * at a time, by a lease row; bounded by a row budget. See docs/storage.md, "Retention".
 */
export const runRetention = async (options: RetentionOptions): Promise<RetentionReport> => {
  const { store, clock } = options;
  const now = clock();
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = (options.leaseMinutes ?? DEFAULT_LEASE_MINUTES) * 60_000;
  const report: RetentionReport = { ran: false, tenants: 0, deleted: {}, complete: true };
  const claim = await store.retention.lease.claim(owner, now, new Date(now.getTime() + leaseMs));
  if (claim === null) return report;
  report.ran = true;

  const peers = await store.limiterPeers.purgeIdle(new Date(now.getTime() - LIMITER_PEER_IDLE_MS));
  if (peers > 0) report.deleted.limiterPeer = peers;
  let left = options.maxRowsRead ?? DEFAULT_MAX_ROWS_READ;
  const tenantIds = (await store.tenants.list()).map((tenant) => tenant.tenantId).sort();
  const queue = tenantIds.filter((id) => id > claim.resumeAfter);
  let resumeAfter = "";
  try {
    for (const tenantId of queue) {
      const settings = await store.getSettings(tenantId);
      const result = await store.retention.purge.purgeTenant(
        tenantId,
        retentionCutoff(now, settings.retentionDays),
        settings.marketplaces.map((connector) => connector.key),
        { maxRowsRead: left },
      );
      report.tenants += 1;
      for (const [kind, count] of Object.entries(result.deleted) as [RowKindName, number][]) {
        report.deleted[kind] = (report.deleted[kind] ?? 0) + count;
      }
      left -= result.read;
      if (!result.complete || left <= 0) {
        // The next run starts with the next tenant, so one large tenant cannot starve the rest.
        report.complete = tenantId === queue.at(-1) && result.complete;
        resumeAfter = report.complete ? "" : tenantId;
        if (!result.complete) {
          options.log?.warn(`Retention: stopped in tenant ${tenantId} at its row budget`);
        }
        break;
      }
    }
  } finally {
    await store.retention.lease.release(claim, resumeAfter);
  }
  return report;
};
