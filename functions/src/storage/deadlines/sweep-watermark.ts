import { partitionKeyOf, rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";
import { deadlineBucket } from "./deadline-store.js";

/** Reserved partition of the Deadlines table: letters sort after every digit bucket. */
const META_PARTITION = partitionKeyOf("sweepWatermark");
const WATERMARK_ROW = rowKeyOf("sweepWatermark");
const HOUR_MS = 3_600_000;

export type Watermark = { bucket: string; etag: string };

/** `yyyyMMddHH` back to the instant its hour starts. */
export const bucketStart = (bucket: string): Date =>
  new Date(
    Date.UTC(
      Number(bucket.slice(0, 4)),
      Number(bucket.slice(4, 6)) - 1,
      Number(bucket.slice(6, 8)),
      Number(bucket.slice(8, 10)),
    ),
  );

/** Every hour bucket from `from` to `to`, oldest first (just `to` when `from` is later). */
export const bucketsBetween = (from: string, to: string): string[] => {
  const buckets: string[] = [];
  for (let at = bucketStart(from).getTime(); at <= bucketStart(to).getTime(); at += HOUR_MS) {
    buckets.push(deadlineBucket(new Date(at)));
  }
  return buckets.length > 0 ? buckets : [to];
};

/**
 * The oldest bucket that may still hold unfired rows, so a sweep reads from there to now
 * and not every empty hour since the first deadline. See docs/storage.md, "SLA sweep".
 */
export const createSweepWatermark = (storage: TableStorage) => {
  const table = () => storage.table("deadlines");
  return {
    async read(): Promise<Watermark | null> {
      try {
        const row = await table().getEntity<{ bucket: string }>(META_PARTITION, WATERMARK_ROW);
        return { bucket: String(row.bucket), etag: String(row.etag) };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    /**
     * First sweep only (no watermark yet): the oldest bucket holding any row. Table Storage
     * returns rows in PartitionKey order, so this is the first row of a cross-partition query.
     */
    async oldestBucket(): Promise<string | null> {
      const pages = table()
        .listEntities<{ partitionKey: string }>({
          queryOptions: {
            filter: "PartitionKey ge '0000000000' and PartitionKey le '9999999999'",
            select: ["PartitionKey"],
          },
        })
        .byPage({ maxPageSize: 1 });
      // Azure may answer a cross-partition query with empty pages and a continuation.
      for await (const page of pages) {
        const first = page[0];
        if (first) return first.partitionKey;
      }
      return null;
    },

    /**
     * Moves the watermark to `bucket`, conditional on the version read: if another sweep moved
     * it meanwhile, ours is dropped (theirs is as safe, and the next sweep recomputes).
     */
    async advance(current: Watermark | null, bucket: string): Promise<boolean> {
      try {
        const entity = { partitionKey: META_PARTITION, rowKey: WATERMARK_ROW, bucket };
        if (current === null) await table().createEntity(entity);
        else await table().updateEntity(entity, "Replace", { etag: current.etag });
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412 || status === 404) return false;
        throw error;
      }
    },
  };
};

export type SweepWatermark = ReturnType<typeof createSweepWatermark>;
