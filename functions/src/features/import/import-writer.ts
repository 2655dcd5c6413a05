import type { ChangeSet, EntityChange } from "@dealflow/core";
import type { Store } from "../../storage/store.js";
import { MAX_TRANSACTION_OPERATIONS, planChange } from "../../storage/tenant-commit.js";

/** A record an import created, to remove again if a later batch fails. */
export type CreatedRef = { entity: "contact" | "opportunity"; id: string };

export type PlannedRow = { changeSet: ChangeSet; created: CreatedRef[] };

/** Groups rows into transactions of at most 100 row writes; a row never spans two. */
const batchesOf = (tenantId: string, rows: readonly PlannedRow[]): PlannedRow[][] => {
  const batches: PlannedRow[][] = [];
  let current: PlannedRow[] = [];
  let operations = 0;
  for (const row of rows) {
    const cost = row.changeSet.changes.reduce(
      (sum, change) => sum + planChange(tenantId, change).length,
      0,
    );
    if (current.length > 0 && operations + cost > MAX_TRANSACTION_OPERATIONS) {
      batches.push(current);
      current = [];
      operations = 0;
    }
    current.push(row);
    operations += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

const merge = (rows: readonly PlannedRow[]): ChangeSet => ({
  changes: rows.flatMap((row) => row.changeSet.changes),
  schedule: rows.flatMap((row) => row.changeSet.schedule),
  cancel: rows.flatMap((row) => row.changeSet.cancel),
});

/** Deletes what the import created, newest first, each record conditional on its current version. */
const compensate = async (store: Store, tenantId: string, created: readonly CreatedRef[]) => {
  const deletions: EntityChange[] = [];
  for (const ref of [...created].reverse()) {
    if (ref.entity === "opportunity") {
      const record = await store.getOpportunity(tenantId, ref.id);
      if (record) deletions.push({ entity: "opportunity", before: record, after: null });
    } else {
      const record = await store.getContact(tenantId, ref.id);
      if (record) deletions.push({ entity: "contact", before: record, after: null });
    }
  }
  const rows = deletions.map((change) => ({
    changeSet: { changes: [change], schedule: [], cancel: [] },
    created: [],
  }));
  for (const batch of batchesOf(tenantId, rows)) {
    await store.commit(tenantId, merge(batch), { notify: false });
  }
};

/**
 * Table Storage has no transaction wider than one batch of 100 rows, so an import of many
 * rows is several commits. Everything is validated before the first one; if a commit still
 * fails (storage down, a concurrent edit), what the earlier commits created is deleted
 * again before the error is reported. Imports write history in bulk: no outbox rows, so no
 * card or mail storm (commit option `notify: false`).
 */
export const writeImport = async (
  store: Store,
  tenantId: string,
  rows: readonly PlannedRow[],
  log: (message: string, error: unknown) => void,
): Promise<void> => {
  const written: CreatedRef[] = [];
  for (const batch of batchesOf(tenantId, rows)) {
    try {
      await store.commit(tenantId, merge(batch), { notify: false });
    } catch (error) {
      try {
        await compensate(store, tenantId, written);
      } catch (cleanup) {
        // Reported, not hidden: these records stay until a manager removes them.
        log(`import: could not remove ${written.length} records after a failed batch`, cleanup);
      }
      throw error;
    }
    written.push(...batch.flatMap((row) => row.created));
  }
};
