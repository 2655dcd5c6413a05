import { keyPart } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { isNotFound } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/** Where a CSV import stands. `gone`: aborted, reaped or never begun — its rows never show. */
export type ImportState = "pending" | "committed" | "gone";

export const importRecordKey = (importId: string) =>
  rowKeyOf("importRecord", keyPart(importId, "importId"));

/** Committed imports remembered per process; more than this and the oldest are read again. */
const MAX_REMEMBERED = 10_000;

/**
 * The one question every read asks of a row that carries an import id (`imp`): was that import
 * published? Committed is final, so it is remembered; anything else is read again next time.
 * `generation` orders what was learned: a list read keeps only imports it knew were committed
 * before it read its rows (see tenant-queries.ts, `list`).
 */
export const createImportStates = (storage: TableStorage) => {
  const committed = new Map<string, number>();
  let generation = 0;
  const remember = (tenantId: string, importId: string) => {
    if (committed.size >= MAX_REMEMBERED) {
      const oldest = committed.keys().next().value;
      if (oldest !== undefined) committed.delete(oldest);
    }
    generation += 1;
    committed.set(`${tenantId}|${importId}`, generation);
  };
  return {
    generation: () => generation,
    /** True when the import was known to be committed at `generation` `since`. */
    committedBefore: (tenantId: string, importId: string, since: number): boolean =>
      (committed.get(`${tenantId}|${importId}`) ?? Number.POSITIVE_INFINITY) <= since,
    async stateOf(tenantId: string, importId: string): Promise<ImportState> {
      if (committed.has(`${tenantId}|${importId}`)) return "committed";
      let state: unknown;
      try {
        const row = await storage
          .table("tenantData")
          .getEntity<{ state?: string }>(tenantId, importRecordKey(importId));
        state = row.state;
      } catch (error) {
        if (isNotFound(error)) return "gone";
        throw error;
      }
      if (state === "committed") remember(tenantId, importId);
      return state === "committed" || state === "pending" ? state : "gone";
    },
  };
};

export type ImportStates = ReturnType<typeof createImportStates>;
