import type { TableEntity, TransactionAction } from "@azure/data-tables";
import type { Deadline, DeadlineKind, DeadlineRef } from "@dealflow/core";
import { keyPart, odataString, timeKey } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { isNotFound } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/** Deadlines are partitioned by the UTC hour they fall due: a sweep reads only past hours. */
export const deadlineBucket = (dueAt: string | Date): string => {
  const at = typeof dueAt === "string" ? new Date(dueAt) : dueAt;
  return at.toISOString().slice(0, 13).replace(/[-T]/g, "");
};

/** Due instant first, so a bucket reads oldest first and "up to now" is one range. */
export const deadlineRowKey = (tenantId: string, ref: Pick<DeadlineRef, "id" | "dueAt">) =>
  rowKeyOf("deadline", timeKey(ref.dueAt), keyPart(tenantId, "tenantId"), ref.id);

/** A stored deadline with the lease fields the sweep claims it by. */
export type DeadlineRow = Deadline & {
  bucket: string;
  rowKey: string;
  leaseOwner: string;
  leaseUntil: number;
  etag: string;
  /** The CSV import that wrote the hint; it may not fire before that import is published. */
  importId: string | null;
};

/** Where a hint is stored: a pending import lists these to remove them if it never publishes. */
export type DeadlineLocation = { bucket: string; rowKey: string };

/** A deadline row as the table returns it, in `bucket`. */
export const toDeadlineRow = (
  bucket: string,
  entity: TableEntity<Record<string, unknown>>,
): DeadlineRow => ({
  id: String(entity.id),
  tenantId: String(entity.tenantId),
  kind: entity.kind as DeadlineKind,
  subjectId: String(entity.subjectId),
  dueAt: String(entity.dueAt),
  expect: entity.expect ? String(entity.expect) : null,
  bucket,
  rowKey: entity.rowKey,
  leaseOwner: String(entity.leaseOwner ?? ""),
  leaseUntil: Number(entity.leaseUntil ?? 0),
  etag: String(entity.etag),
  importId: entity.importId ? String(entity.importId) : null,
});

export type DeadlineStore = {
  /**
   * Writes hints into the bucket of their due hour, or of `now` when that hour has passed:
   * a sweep that has moved past an hour never reads it again, and a hint due in the past
   * (a task created overdue, an old lead) must still fire on the next sweep.
   */
  schedule(deadlines: readonly Deadline[], now: Date, importId?: string): Promise<void>;
  /** Where `schedule` puts each hint at `now` (a pending import journals them first). */
  locate(deadline: Deadline, now: Date): DeadlineLocation;
  /** Removes hints; resolves to how many could not be removed (they fire and do nothing). */
  cancel(tenantId: string, refs: readonly DeadlineRef[]): Promise<number>;
  /** Rows of one bucket due at or before `upTo`, oldest first. */
  readBucket(bucket: string, upTo: Date, limit?: number): Promise<DeadlineRow[]>;
};

const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item)) ?? [];
    group.push(item);
    groups.set(keyOf(item), group);
  }
  return groups;
};

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

export const createDeadlineStore = (storage: TableStorage): DeadlineStore => {
  const table = () => storage.table("deadlines");
  const bucketAt = (deadline: Deadline, now: Date) =>
    deadlineBucket(Date.parse(deadline.dueAt) < now.getTime() ? now : deadline.dueAt);
  return {
    locate: (deadline, now) => ({
      bucket: bucketAt(deadline, now),
      rowKey: deadlineRowKey(deadline.tenantId, deadline),
    }),
    async schedule(deadlines, now, importId) {
      const bucketOf = (deadline: Deadline) => bucketAt(deadline, now);
      const byBucket = groupBy(deadlines, bucketOf);
      // One transaction per bucket (its own partition), all buckets at once.
      const batches = [...byBucket].flatMap(([bucket, group]) =>
        chunks(group, 100).map((part) =>
          part.map(
            (deadline): TransactionAction => [
              "upsert",
              {
                partitionKey: bucket,
                rowKey: deadlineRowKey(deadline.tenantId, deadline),
                id: deadline.id,
                tenantId: deadline.tenantId,
                kind: deadline.kind,
                subjectId: deadline.subjectId,
                dueAt: deadline.dueAt,
                expect: deadline.expect ?? "",
                leaseOwner: "",
                leaseUntil: 0,
                ...(importId ? { importId } : {}),
              },
              "Replace",
            ],
          ),
        ),
      );
      await Promise.all(batches.map((actions) => table().submitTransaction(actions)));
    },
    async cancel(tenantId, refs) {
      // Best effort: a hint that survives re-checks its subject when it fires and does nothing.
      // A hint scheduled late sits in a later bucket than its due hour; it is left to fire.
      const results = await Promise.all(
        refs.map(async (ref) => {
          try {
            await table().deleteEntity(deadlineBucket(ref.dueAt), deadlineRowKey(tenantId, ref));
            return 0;
          } catch (error) {
            return isNotFound(error) ? 0 : 1;
          }
        }),
      );
      return results.reduce<number>((sum, failed) => sum + failed, 0);
    },
    async readBucket(bucket, upTo, limit = 1000) {
      const filter = `PartitionKey eq ${odataString(bucket)} and RowKey lt ${odataString(timeKey(new Date(upTo.getTime() + 1)))}`;
      const rows: DeadlineRow[] = [];
      for await (const entity of table().listEntities<TableEntity<Record<string, unknown>>>({
        queryOptions: { filter },
      })) {
        rows.push(toDeadlineRow(bucket, entity));
        if (rows.length >= limit) break;
      }
      return rows;
    },
  };
};
