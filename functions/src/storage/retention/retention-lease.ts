import { partitionKeyOf, rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

const PARTITION = partitionKeyOf("retentionLease");
const ROW = rowKeyOf("retentionLease");

type Entity = { leaseOwner: string; leaseUntil: number; resumeAfter: string };

/** A run's hold on retention: its ETag, and the tenant the last run stopped after ("" = none). */
export type RetentionClaim = { etag: string; resumeAfter: string };

/**
 * One row (`Deadlines`, `meta`, `retention-lease`) that lets one host at a time purge: claimed
 * by an ETag-conditional write, like a deadline; it also carries where an unfinished run
 * stopped, so the next run resumes there instead of starting over.
 */
export const createRetentionLease = (storage: TableStorage) => {
  const table = () => storage.table("deadlines");
  const lostRace = (error: unknown) => [404, 409, 412].includes(statusOf(error) ?? 0);
  return {
    /** Takes the lease until `until`, unless another host holds it; null when it does. */
    async claim(owner: string, now: Date, until: Date): Promise<RetentionClaim | null> {
      let current: (Entity & { etag: string }) | null = null;
      try {
        const row = await table().getEntity<Entity>(PARTITION, ROW);
        current = { ...row, etag: String(row.etag) };
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      if (current !== null && Number(current.leaseUntil) > now.getTime()) return null;
      const resumeAfter = String(current?.resumeAfter ?? "");
      const entity = {
        partitionKey: PARTITION,
        rowKey: ROW,
        leaseOwner: owner,
        leaseUntil: until.getTime(),
        resumeAfter,
      };
      try {
        const written =
          current === null
            ? await table().createEntity(entity)
            : await table().updateEntity(entity, "Replace", { etag: current.etag });
        return { etag: String(written.etag), resumeAfter };
      } catch (error) {
        if (lostRace(error)) return null;
        throw error;
      }
    },

    /** Ends the run: frees the lease and remembers where the next run resumes ("" = start). */
    async release(claim: RetentionClaim, resumeAfter: string): Promise<void> {
      try {
        await table().updateEntity(
          { partitionKey: PARTITION, rowKey: ROW, leaseOwner: "", leaseUntil: 0, resumeAfter },
          "Replace",
          { etag: claim.etag },
        );
      } catch (error) {
        // Our lease expired and another host took over: its run decides where to resume.
        if (!lostRace(error)) throw error;
      }
    },
  };
};

export type RetentionLease = ReturnType<typeof createRetentionLease>;
