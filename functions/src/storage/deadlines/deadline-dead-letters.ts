import { keyPart, prefixRange, rangeFilter, timeKey } from "../keys.js";
import { partitionKeyOf, rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";
import type { DueRow } from "./deadline-lease.js";

/** Why and when the sweep gave up on a deadline. */
export type DeadDeadline = { at: Date; attempts: number; reason: string };

/** Letters sort after every digit bucket, so neither the sweep nor its first-run query reads it. */
const DEAD_PARTITION = partitionKeyOf("deadDeadline");

// Tenant first, so a manager's count is one range read of their tenant's rows.
const tenantPrefix = (tenantId: string) =>
  rowKeyOf("deadDeadline", keyPart(tenantId, "tenantId"), "");

/**
 * Deadlines the sweep gave up on (`Deadlines`, PartitionKey `dead`): kept for managers and
 * operators, out of the hour buckets so the watermark can move past them.
 */
export const createDeadlineDeadLetters = (storage: TableStorage) => {
  const table = () => storage.table("deadlines");
  return {
    /**
     * Moves a leased row to the dead-letter partition. Two partitions share no transaction, so
     * the letter is written first (an upsert: a repeat is the same row) and the hint deleted
     * second, under our lease; false when the lease was lost and another sweep holds the row.
     */
    async bury(row: DueRow, leaseEtag: string, dead: DeadDeadline): Promise<boolean> {
      await table().upsertEntity(
        {
          partitionKey: DEAD_PARTITION,
          rowKey: tenantPrefix(row.tenantId) + rowKeyOf("deadline", timeKey(row.dueAt), row.id),
          id: row.id,
          tenantId: row.tenantId,
          kind: row.kind,
          subjectId: row.subjectId,
          dueAt: row.dueAt,
          expect: row.expect ?? "",
          bucket: row.bucket,
          attempts: dead.attempts,
          reason: dead.reason.slice(0, 1_000),
          deadAt: dead.at.toISOString(),
        },
        "Replace",
      );
      try {
        await table().deleteEntity(row.bucket, row.rowKey, { etag: leaseEtag });
        return true;
      } catch (error) {
        if (statusOf(error) === 412 || isNotFound(error)) return false;
        throw error;
      }
    },

    /** How many of a tenant's deadlines were given up on (shown to managers in `status`). */
    async count(tenantId: string): Promise<number> {
      const { from, to } = prefixRange(tenantPrefix(tenantId));
      const rows = table().listEntities({
        queryOptions: {
          filter: rangeFilter(DEAD_PARTITION, from, to),
          select: ["RowKey"],
        },
      });
      let count = 0;
      for await (const _row of rows) count += 1;
      return count;
    },
  };
};

export type DeadlineDeadLetters = ReturnType<typeof createDeadlineDeadLetters>;
