import type { TableEntity } from "@azure/data-tables";
import { odataString, timeKey } from "../keys.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";
import { type DeadlineRow, toDeadlineRow } from "./deadline-store.js";

/** A due deadline as the sweep sees it: the stored hint, its lease and how often it was claimed. */
export type DueRow = DeadlineRow & { attempts: number };

type RawDeadline = TableEntity<Record<string, unknown>> & { etag?: string };

const toDueRow = (bucket: string, entity: RawDeadline): DueRow => ({
  ...toDeadlineRow(bucket, entity),
  attempts: Number(entity.attempts ?? 0),
});

// Another sweep claimed or completed the row first (412), or it is gone (404).
const lostRace = (error: unknown) => statusOf(error) === 412 || isNotFound(error);

/**
 * The sweep's three writes on a deadline row: read what is due, claim it by an ETag-conditional
 * lease, complete it by an ETag-conditional delete. Each is one storage request.
 */
export const createDeadlineLease = (storage: TableStorage) => {
  const table = () => storage.table("deadlines");
  return {
    /** Up to `limit` rows of `bucket` due at or before `upTo`, oldest first, after `afterRowKey`. */
    async readDue(
      bucket: string,
      upTo: Date,
      limit: number,
      afterRowKey?: string,
    ): Promise<DueRow[]> {
      const filter = [
        `PartitionKey eq ${odataString(bucket)}`,
        ...(afterRowKey ? [`RowKey gt ${odataString(afterRowKey)}`] : []),
        `RowKey lt ${odataString(timeKey(new Date(upTo.getTime() + 1)))}`,
      ].join(" and ");
      const rows: DueRow[] = [];
      const pages = table()
        .listEntities<RawDeadline>({ queryOptions: { filter } })
        .byPage({ maxPageSize: limit });
      for await (const page of pages) {
        rows.push(...page.map((entity) => toDueRow(bucket, entity)));
        if (rows.length >= limit) break;
      }
      return rows.slice(0, limit);
    },

    /** Takes the row for `owner` until `until`; resolves to the lease's ETag, or null if lost. */
    async claim(row: DueRow, owner: string, until: Date): Promise<string | null> {
      try {
        const result = await table().updateEntity(
          {
            partitionKey: row.bucket,
            rowKey: row.rowKey,
            leaseOwner: owner,
            leaseUntil: until.getTime(),
            attempts: row.attempts + 1,
          },
          "Merge",
          { etag: row.etag },
        );
        return result.etag ?? null;
      } catch (error) {
        if (lostRace(error)) return null;
        throw error;
      }
    },

    /**
     * Keeps our lease but ends it at `until` (not counted as another attempt), so the row is
     * looked at again then; false if the lease was lost meanwhile.
     */
    async releaseAt(row: DueRow, leaseEtag: string, until: Date): Promise<boolean> {
      try {
        await table().updateEntity(
          { partitionKey: row.bucket, rowKey: row.rowKey, leaseUntil: until.getTime() },
          "Merge",
          { etag: leaseEtag },
        );
        return true;
      } catch (error) {
        if (lostRace(error)) return false;
        throw error;
      }
    },

    /**
     * Deletes the row if our lease still holds it. False when the lease expired and another
     * sweep took the row over: that sweep repeats the (idempotent) effect and completes it.
     */
    async complete(row: DueRow, leaseEtag: string): Promise<boolean> {
      try {
        await table().deleteEntity(row.bucket, row.rowKey, { etag: leaseEtag });
        return true;
      } catch (error) {
        if (lostRace(error)) return false;
        throw error;
      }
    },
  };
};

export type DeadlineLease = ReturnType<typeof createDeadlineLease>;
