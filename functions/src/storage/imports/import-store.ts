import type { TransactionAction } from "@azure/data-tables";
import { type ChangeSet, type Deadline, importExpiryDeadline, iso } from "@dealflow/core";
import type { DeadlineLocation, DeadlineStore } from "../deadlines/deadline-store.js";
import { keyPart, prefixRange, rangeFilter } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf, toDomainError } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";
import { MAX_TRANSACTION_OPERATIONS, planChange } from "../tenant-commit.js";
import { createImportStates, type ImportStates, importRecordKey } from "./import-states.js";

/** Row writes left for records in one staged batch: the import record and the journal row take two. */
export const STAGED_BATCH_OPERATIONS = MAX_TRANSACTION_OPERATIONS - 2;

/** A pending import as its writer holds it: each batch is conditional on the record's ETag. */
export type ImportHandle = {
  tenantId: string;
  importId: string;
  startedAt: Date;
  etag: string;
  batches: number;
};

export type ImportMeta = { importId: string; what: string; actorId: string; rows: number };

/** What a reap found: published (only its journal was left), still running, or removed. */
export type ReapResult = "committed" | "running" | "reaped";

type ImportRecordRow = { state?: string; startedAt?: string; expiresAt?: string; etag?: string };
type JournalRow = { rowKey?: string; rows?: string; deadlines?: string };

const journalPrefix = (importId: string) =>
  rowKeyOf("importJournal", keyPart(importId, "importId"), "");

/** Row writes one change costs when staged (the batcher's measure). */
export const stagedCost = (tenantId: string, changeSet: ChangeSet) =>
  changeSet.changes.reduce((sum, change) => sum + planChange(tenantId, change).length, 0);

const ignoreMissing = (error: unknown) => {
  if (!isNotFound(error)) throw error;
};

/**
 * SPEC §6 "nothing half-imported", over a store whose transactions hold 100 rows: an import's
 * rows are written in batches, each row marked with the import id (`imp`), and become visible
 * together when one row — the import record — turns `committed`. Every read hides a marked row
 * until then (import-states.ts). Each batch's transaction also updates the record on its ETag
 * and writes a journal row naming every row and deadline hint the batch adds, so a reaper can
 * find them and no batch can land after an abort. docs/storage.md, "CSV imports".
 */
export const createImportStore = (
  storage: TableStorage,
  deadlines: DeadlineStore,
  states: ImportStates = createImportStates(storage),
) => {
  const table = () => storage.table("tenantData");
  const run = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      throw toDomainError(error);
    }
  };
  const readRecord = async (tenantId: string, importId: string) => {
    try {
      return await table().getEntity<ImportRecordRow>(tenantId, importRecordKey(importId));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  const deleteRow = (partitionKey: string, rowKey: string, key: "tenantData" | "deadlines") =>
    storage.table(key).deleteEntity(partitionKey, rowKey).catch(ignoreMissing);

  /** Deletes every row and hint the journal names, then the journal rows themselves. */
  const removeStaged = async (tenantId: string, importId: string, keepRecords: boolean) => {
    const range = prefixRange(journalPrefix(importId));
    const filter = rangeFilter(tenantId, range.from, range.to);
    const journal: JournalRow[] = [];
    for await (const row of table().listEntities<JournalRow>({ queryOptions: { filter } })) {
      journal.push(row);
    }
    if (keepRecords) {
      // A published import's journal is only bookkeeping: one transaction per 100 rows, or
      // row by row if another reap removed some first (a transaction's delete of a missing
      // row fails it whole).
      for (let i = 0; i < journal.length; i += MAX_TRANSACTION_OPERATIONS) {
        const keys = journal.slice(i, i + MAX_TRANSACTION_OPERATIONS).map((e) => e.rowKey ?? "");
        await table()
          .submitTransaction(keys.map((rowKey) => ["delete", { partitionKey: tenantId, rowKey }]))
          .catch(() =>
            Promise.all(keys.map((rowKey) => deleteRow(tenantId, rowKey, "tenantData"))),
          );
      }
      return;
    }
    for (const entry of journal) {
      const rows = JSON.parse(entry.rows ?? "[]") as string[];
      const hints = JSON.parse(entry.deadlines ?? "[]") as DeadlineLocation[];
      // Each delete on its own: a row a concurrent reaper removed is a 404, not a failure.
      await Promise.all([
        ...rows.map((rowKey) => deleteRow(tenantId, rowKey, "tenantData")),
        ...hints.map((hint) => deleteRow(hint.bucket, hint.rowKey, "deadlines")),
      ]);
      // Last, so a reap that dies half-way finds this batch again.
      await deleteRow(tenantId, entry.rowKey ?? "", "tenantData");
    }
  };

  /** The expiry hint is no longer needed once the import is settled; best effort. */
  const dropExpiry = (tenantId: string, importId: string, startedAt: string | Date | undefined) => {
    if (startedAt === undefined) return Promise.resolve();
    const expiry = importExpiryDeadline(tenantId, importId, new Date(startedAt));
    return deadlines.cancel(tenantId, [expiry]).then(() => undefined);
  };

  return {
    states,
    /**
     * Schedules the import's expiry hint (the reaper), then creates its record `pending`.
     * Nothing is staged before both exist, so an import that dies at any point is reaped.
     */
    async begin(tenantId: string, meta: ImportMeta, now: Date): Promise<ImportHandle> {
      const expiry = importExpiryDeadline(tenantId, meta.importId, now);
      return run(async () => {
        await deadlines.schedule([expiry], now);
        const created = await table().createEntity({
          partitionKey: tenantId,
          rowKey: importRecordKey(meta.importId),
          state: "pending",
          what: meta.what,
          actorId: meta.actorId,
          rows: meta.rows,
          startedAt: iso(now),
          expiresAt: expiry.dueAt,
          batches: 0,
        });
        return {
          tenantId,
          importId: meta.importId,
          startedAt: now,
          etag: created.etag ?? "",
          batches: 0,
        };
      });
    },

    /**
     * One transaction: the record's batch count (on its ETag), the journal row, and the batch's
     * rows marked with the import id; then its deadline hints, marked too, so none fires before
     * the publish. Only creations can be staged: an import never changes an existing record.
     */
    async stage(handle: ImportHandle, changeSet: ChangeSet, now: Date): Promise<ImportHandle> {
      const { tenantId, importId } = handle;
      if (changeSet.changes.some((change) => change.before !== null) || changeSet.cancel.length) {
        throw new Error("An import only creates records; it cannot stage a change of one.");
      }
      const rows = changeSet.changes.flatMap((change) => planChange(tenantId, change));
      const batch = handle.batches + 1;
      const hints: Deadline[] = changeSet.schedule;
      const actions: TransactionAction[] = [
        [
          "update",
          { partitionKey: tenantId, rowKey: importRecordKey(importId), batches: batch },
          "Merge",
          { etag: handle.etag },
        ],
        [
          "create",
          {
            partitionKey: tenantId,
            rowKey: journalPrefix(importId) + String(batch).padStart(5, "0"),
            rows: JSON.stringify(rows.map((action) => String(action[1].rowKey))),
            deadlines: JSON.stringify(hints.map((hint) => deadlines.locate(hint, now))),
          },
        ],
        ...rows.map((action): TransactionAction => {
          const marked = { ...action[1], imp: importId };
          if (action[0] === "create") return ["create", marked];
          if (action[0] === "upsert") return ["upsert", marked, "Replace"];
          throw new Error(`A new record's rows are created or upserted, not ${action[0]}.`);
        }),
      ];
      if (actions.length > MAX_TRANSACTION_OPERATIONS) {
        throw new Error(
          `A staged batch of ${actions.length} row writes does not fit one transaction.`,
        );
      }
      const response = await run(() => table().submitTransaction(actions));
      const etag = response.subResponses[0]?.etag?.trim() ?? "";
      await run(() => deadlines.schedule(hints, now, importId));
      return { ...handle, etag, batches: batch };
    },

    /**
     * The one write that makes the whole import visible: the record turns `committed` on the
     * ETag of its last batch (a reaper that aborted it first makes this fail). The journal is
     * then dropped, best effort: a reap of a committed import only removes journal rows.
     */
    async publish(handle: ImportHandle, now: Date): Promise<void> {
      await run(() =>
        table().updateEntity(
          {
            partitionKey: handle.tenantId,
            rowKey: importRecordKey(handle.importId),
            state: "committed",
            committedAt: iso(now),
          },
          "Merge",
          { etag: handle.etag },
        ),
      );
      await Promise.all([
        removeStaged(handle.tenantId, handle.importId, true),
        dropExpiry(handle.tenantId, handle.importId, handle.startedAt),
      ]).catch(() => undefined);
    },

    /**
     * Removes an import that will never publish: aborts a pending one (on its ETag, so a publish
     * and an abort cannot both win) once it has expired, or at once with `force` (its own writer
     * gave up), then deletes what its journal names, the journal and the record. Safe to run
     * twice and at once: deletes of missing rows are ignored, the abort is conditional.
     */
    async reap(
      tenantId: string,
      importId: string,
      now: Date,
      options: { force?: boolean } = {},
    ): Promise<ReapResult> {
      for (;;) {
        const record = await readRecord(tenantId, importId);
        if (record?.state === "committed") {
          await removeStaged(tenantId, importId, true);
          await dropExpiry(tenantId, importId, record.startedAt);
          return "committed";
        }
        if (record?.state === "pending") {
          const expired = Date.parse(record.expiresAt ?? "") <= now.getTime();
          if (!expired && !options.force) return "running";
          try {
            await table().updateEntity(
              { partitionKey: tenantId, rowKey: importRecordKey(importId), state: "aborted" },
              "Merge",
              { etag: record.etag ?? "" },
            );
          } catch (error) {
            // A batch or the publish moved the record on: look again.
            if (statusOf(error) === 412) continue;
            throw error;
          }
        }
        await removeStaged(tenantId, importId, false);
        await dropExpiry(tenantId, importId, record?.startedAt);
        await deleteRow(tenantId, importRecordKey(importId), "tenantData");
        return "reaped";
      }
    },
  };
};

export type ImportStore = ReturnType<typeof createImportStore>;
