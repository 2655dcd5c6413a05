import type { HttpRequest } from "@azure/functions";
import { DomainError } from "@dealflow/core";
import { CsvError, parse } from "csv-parse/sync";
import { HttpProblem } from "../../api/http/api-problem.js";
import { mediaTypeOf, readRawBody } from "../../api/http/request-body.js";

/** One import is at most this many rows: large enough for a CRM move, small enough to validate in one request. */
export const MAX_IMPORT_ROWS = 1_000;

/** A data row with its spreadsheet row number (the header is row 1) and cells by our column name. */
export type CsvRow = { row: number; cells: Partial<Record<string, string>> };

export type CsvTable = { rows: CsvRow[]; ignoredColumns: string[] };

const CSV_TYPES = new Set(["", "text/csv", "application/csv", "text/plain"]);

const normalize = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/**
 * Reads a CSV body (≤ 1 MiB, header row first) into rows keyed by our column names. Headers
 * are matched loosely (`E-mail`, `email_address` → email); unknown columns are reported as
 * ignored rather than refused, since exports from other tools carry many.
 */
export const readCsvTable = async (
  request: HttpRequest,
  aliases: Record<string, readonly string[]>,
  required: readonly string[],
): Promise<CsvTable> => {
  if (!CSV_TYPES.has(mediaTypeOf(request))) {
    throw new HttpProblem(415, "Unsupported media type", "Send the file as text/csv.");
  }
  const text = (await readRawBody(request)).toString("utf8");
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new DomainError("validation", "The file is not valid CSV.", [
      { path: line ? `rows.${line}` : "(file)", message: error.message },
    ]);
  }
  const [header, ...data] = records;
  if (header === undefined) {
    throw new DomainError("validation", "The file is empty.", [
      { path: "(file)", message: "needs a header row and at least one row" },
    ]);
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw new DomainError("validation", `An import takes at most ${MAX_IMPORT_ROWS} rows.`, [
      {
        path: "(file)",
        message: `has ${data.length} rows; split it into files of at most ${MAX_IMPORT_ROWS}`,
      },
    ]);
  }
  const lookup = new Map<string, string>();
  for (const [column, names] of Object.entries(aliases)) {
    for (const name of [column, ...names]) lookup.set(normalize(name), column);
  }
  const columns = header.map((name) => lookup.get(normalize(name)) ?? null);
  const missing = required.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new DomainError(
      "validation",
      "The file lacks required columns.",
      missing.map((column) => ({ path: `columns.${column}`, message: "is a required column" })),
    );
  }
  const rows = data.map((record, index): CsvRow => {
    const cells: Partial<Record<string, string>> = {};
    columns.forEach((column, at) => {
      const value = record[at];
      if (column !== null && value !== undefined && value !== "" && cells[column] === undefined)
        cells[column] = value;
    });
    return { row: index + 2, cells };
  });
  return { rows, ignoredColumns: header.filter((_name, at) => columns[at] === null) };
};
