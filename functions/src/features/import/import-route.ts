import { type ImportKind, importQuery, importReportSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { MAX_IMPORT_ROWS, readCsvTable } from "./csv-table.js";
import { type ImportPlanner, importFile } from "./import.service.js";

/**
 * A CSV import route (managers, SPEC §6): `?dryRun=true` previews every row; without it the
 * file is imported whole or, if any row is bad, not at all (400 naming each bad cell).
 */
export const importRoute = (
  deps: RouteDeps,
  options: {
    name: string;
    what: ImportKind;
    columns: Record<string, readonly string[]>;
    required: readonly string[];
    plan: ImportPlanner;
  },
) =>
  defineApiRoute(deps, {
    name: options.name,
    method: "POST",
    route: `import/${options.what}`,
    summary: `Import ${options.what} from CSV (managers); dryRun=true previews`,
    tag: "import",
    query: importQuery,
    rawBody: {
      contentTypes: ["text/csv"],
      description: `A header row, then at most ${MAX_IMPORT_ROWS} rows. Columns: ${Object.keys(options.columns).join(", ")}.`,
    },
    responses: {
      200: { description: "The dry run's preview", schema: importReportSchema },
      201: { description: "Everything was imported", schema: importReportSchema },
      403: { description: "Only managers import" },
      413: { description: "File over 1 MiB" },
      415: { description: "Not text/csv" },
    },
    async handler({ principal, query, request, context }) {
      const report = await importFile(deps, viewerOf(principal), {
        what: options.what,
        plan: options.plan,
        readTable: () => readCsvTable(request, options.columns, options.required),
        dryRun: query.dryRun,
        log: (message, error) => context.error(message, error),
      });
      return { status: query.dryRun ? 200 : 201, body: report };
    },
  });
