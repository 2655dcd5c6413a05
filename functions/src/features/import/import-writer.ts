import type { ChangeSet } from "@dealflow/core";
import { STAGED_BATCH_OPERATIONS, stagedCost } from "../../storage/imports/import-store.js";
import type { Store } from "../../storage/store.js";

/** What one valid row of the file creates. */
export type PlannedRow = { changeSet: ChangeSet };

/** Groups rows into staged batches that fit one transaction; a row never spans two. */
const batchesOf = (tenantId: string, rows: readonly PlannedRow[]): ChangeSet[] => {
  const batches: ChangeSet[] = [];
  let current: PlannedRow[] = [];
  let operations = 0;
  const close = () => {
    batches.push({
      changes: current.flatMap((row) => row.changeSet.changes),
      schedule: current.flatMap((row) => row.changeSet.schedule),
      cancel: [],
    });
  };
  for (const row of rows) {
    const cost = stagedCost(tenantId, row.changeSet);
    if (current.length > 0 && operations + cost > STAGED_BATCH_OPERATIONS) {
      close();
      current = [];
      operations = 0;
    }
    current.push(row);
    operations += cost;
  }
  if (current.length > 0) close();
  return batches;
};

export type ImportWrite = {
  tenantId: string;
  importId: string;
  what: string;
  actorId: string;
  rows: readonly PlannedRow[];
  clock: () => Date;
  /** Where a failure that cannot be answered is told (a clean-up that must wait for the reaper). */
  log: (message: string, error: unknown) => void;
};

/**
 * Writes a validated file so that nothing of it shows until all of it is stored: its rows are
 * staged in batches under the import's id, invisible to every read and with their deadline
 * hints held, then published by one write of the import record (docs/storage.md, "CSV
 * imports"). If anything fails, what was staged is removed at once or, if storage is gone, by
 * the import's expiry hint later; a publish whose answer was lost but which did land counts.
 * Imports write history in bulk: no outbox rows, so no card or mail storm.
 */
export const writeImport = async (store: Store, write: ImportWrite): Promise<void> => {
  const { tenantId, importId } = write;
  let handle = await store.imports.begin(
    tenantId,
    { importId, what: write.what, actorId: write.actorId, rows: write.rows.length },
    write.clock(),
  );
  try {
    for (const batch of batchesOf(tenantId, write.rows)) {
      handle = await store.imports.stage(handle, batch, write.clock());
    }
    await store.imports.publish(handle, write.clock());
  } catch (error) {
    const reaped = await store.imports
      .reap(tenantId, importId, write.clock(), { force: true })
      .catch((cleanup: unknown) => {
        // Storage is gone: the staged rows stay hidden until the expiry hint removes them.
        write.log(`import ${importId}: staged rows are left to the reaper`, cleanup);
        return "reaped" as const;
      });
    if (reaped !== "committed") throw error;
  }
};
