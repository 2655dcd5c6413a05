import type { ImportReport, ImportRowReport } from "@dealflow/contract";
import type { UseCaseContext, Viewer } from "@dealflow/core";
import { actingContext } from "../../service-kit/acting-context.js";
import { assertManager } from "../../service-kit/assert-manager.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import type { Store } from "../../storage/store.js";
import type { CsvRow, CsvTable } from "./csv-table.js";
import { refuseReport } from "./import-report.js";
import { type PlannedRow, writeImport } from "./import-writer.js";

/** Validates every row with the use case it will run, and plans what each creates. */
export type ImportPlanner = (
  rows: readonly CsvRow[],
  ctx: UseCaseContext,
  store: Store,
) => Promise<{ reports: ImportRowReport[]; planned: PlannedRow[] }>;

export type ImportRequest = {
  /** What the file holds (`contacts`, `opportunities`), recorded on the import. */
  what: string;
  plan: ImportPlanner;
  /** Reads the file; called once the importer is known to be a manager. */
  readTable: () => Promise<CsvTable>;
  dryRun: boolean;
  /** Where a failure that cannot be answered is told (records a failed undo left behind). */
  log: (message: string, error: unknown) => void;
};

/**
 * SPEC §6 CSV import (managers): every row is validated first; a dry run answers the
 * preview, a real run writes the whole file or, if any row is bad, nothing (400 naming each
 * bad cell). `created` counts the rows written.
 */
export const importFile = async (
  deps: ServiceDeps,
  actor: Viewer,
  request: ImportRequest,
): Promise<ImportReport> => {
  await assertManager(deps, actor, "Only managers can import.");
  const ctx = await actingContext(deps, actor);
  const table = await request.readTable();
  const { reports, planned } = await request.plan(table.rows, ctx, deps.store);
  const invalid = reports.filter((row) => row.status === "error").length;
  const report: ImportReport = {
    dryRun: request.dryRun,
    total: reports.length,
    valid: reports.length - invalid,
    invalid,
    created: 0,
    ignoredColumns: table.ignoredColumns,
    rows: reports,
  };
  if (request.dryRun) return report;
  if (invalid > 0) refuseReport(report);
  await writeImport(deps.store, {
    tenantId: actor.tenantId,
    importId: ctx.ids(),
    what: request.what,
    actorId: actor.userId,
    rows: planned,
    clock: deps.clock,
    log: request.log,
  });
  return { ...report, created: planned.length };
};
