import { performance } from "node:perf_hooks";
import type { TableEntity } from "@azure/data-tables";
import {
  deadlineBucket,
  deadlineRowKey,
} from "../../functions/src/storage/deadlines/deadline-store.js";
import { rowKeyOf } from "../../functions/src/storage/row-kinds.js";
import { taskKey } from "../../functions/src/storage/rows/task.rows.js";
import type { TableStorage } from "../../functions/src/storage/table-storage.js";

/** A Deadlines row written for the probe, and the task it stands for. */
export type ProbeRow = { partitionKey: string; rowKey: string; etag: string; subjectId: string };

/**
 * The four requests a sweep makes per due row, sent straight to the tables with none of our
 * code between: an ETag-conditional merge (the claim) and an ETag-conditional delete (the
 * completion) of a Deadlines row in an hour bucket, a point read of a TenantData row and a
 * one-row entity-group transaction insert (the outbox row) in the tenant's partition.
 * Same tables, same partitioning, same rows in flight as the sweep, so its time at two
 * table sizes is Azurite's own growth for the requests the sweep makes.
 */
export const azuritePointOperations = (storage: TableStorage, tenantId: string) => {
  const deadlines = storage.table("deadlines");
  const tenantData = storage.table("tenantData");
  return {
    /**
     * Writes one Deadlines row per subject into `at`'s hour bucket (not measured); `subjects`
     * are ids of tasks stored in TenantData, read back as a handler reads its subject.
     */
    async prepare(at: Date, subjects: readonly string[]) {
      const bucket = deadlineBucket(at);
      const rows = subjects.map((subjectId, i) => {
        const dueAt = new Date(at.getTime() + i).toISOString();
        const id = `probe~${subjectId}~${Date.parse(dueAt)}`;
        return {
          partitionKey: bucket,
          rowKey: deadlineRowKey(tenantId, { id, dueAt }),
          id,
          tenantId,
          kind: "task-due",
          subjectId,
          dueAt,
          expect: "",
          leaseOwner: "",
          leaseUntil: 0,
        };
      });
      const probed: ProbeRow[] = [];
      for (let i = 0; i < rows.length; i += 100) {
        const part = rows.slice(i, i + 100);
        await deadlines.submitTransaction(part.map((row) => ["create", row]));
      }
      for await (const entity of deadlines.listEntities<TableEntity<{ subjectId: string }>>({
        queryOptions: { filter: `PartitionKey eq '${bucket}'` },
      })) {
        probed.push({
          partitionKey: entity.partitionKey,
          rowKey: entity.rowKey,
          etag: entity.etag,
          subjectId: entity.subjectId,
        });
      }
      if (probed.length !== subjects.length) {
        throw new Error(`probe bucket ${bucket}: ${probed.length} rows of ${subjects.length}`);
      }
      return probed;
    },

    /** Wall time (ms) of the four requests for every prepared row, `concurrency` rows at once. */
    async run(rows: readonly ProbeRow[], owner: string, concurrency: number) {
      let next = 0;
      const worker = async () => {
        while (next < rows.length) {
          const row = rows[next++] as ProbeRow;
          const claimed = await deadlines.updateEntity(
            {
              partitionKey: row.partitionKey,
              rowKey: row.rowKey,
              leaseOwner: owner,
              leaseUntil: 1,
            },
            "Merge",
            { etag: row.etag },
          );
          await tenantData.getEntity(tenantId, taskKey(row.subjectId));
          await tenantData.submitTransaction([
            [
              "create",
              {
                partitionKey: tenantId,
                rowKey: rowKeyOf("notification", `${owner}~${row.rowKey}`),
                kind: "notification",
                data: JSON.stringify({ subjectId: row.subjectId, owner }),
              },
            ],
          ]);
          await deadlines.deleteEntity(row.partitionKey, row.rowKey, {
            etag: claimed.etag ?? row.etag,
          });
        }
      };
      const began = performance.now();
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
      return performance.now() - began;
    },
  };
};
