import type { Store } from "../../storage/store.js";

/**
 * The `import-expiry` deadline (SPEC §6 "nothing half-imported"): an import still unpublished
 * when its window ends is aborted and everything it staged removed; a published one only loses
 * its journal. Repeats and concurrent runs are harmless (storage/imports/import-store.ts).
 */
export const reapImport = async (
  store: Store,
  tenantId: string,
  importId: string,
  now: Date,
): Promise<"fired" | "skipped"> => {
  const result = await store.imports.reap(tenantId, importId, now);
  // Not expired by this clock (skew between hosts): fail, so the row repeats after its lease.
  if (result === "running") throw new Error(`Import ${importId} has not expired yet.`);
  return result === "reaped" ? "fired" : "skipped";
};
