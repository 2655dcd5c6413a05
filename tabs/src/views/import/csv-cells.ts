import type { ImportKind } from "../../api/settings-api.js";
import { IMPORT_COLUMNS } from "./import-columns.js";

/** RFC 4180 records: quoted fields with "" escapes and line breaks, CRLF or LF. */
export const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (quoted) {
      if (char === '"' && source[at + 1] === '"') {
        field += '"';
        at++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[at + 1] === "\n") at++;
      records.push([...record, field]);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
};

const normalize = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/**
 * The file's own cells by spreadsheet row number (header = 1) and our column name, read as the
 * server reads them (loose headers, empty lines skipped): what a row that cannot be previewed
 * holds, so the manager sees which contact is wrong and not only its row number.
 */
export const cellsByRow = (
  text: string,
  kind: ImportKind,
): Map<number, Partial<Record<string, string>>> => {
  const lookup = new Map<string, string>();
  for (const column of IMPORT_COLUMNS[kind])
    for (const name of [column.name, ...column.aliases]) lookup.set(normalize(name), column.name);
  const [header, ...data] = parseCsv(text).filter(
    (record) => record.length > 1 || (record[0] ?? "") !== "",
  );
  const columns = (header ?? []).map((name) => lookup.get(normalize(name)) ?? null);
  const rows = new Map<number, Partial<Record<string, string>>>();
  data.forEach((record, index) => {
    const cells: Partial<Record<string, string>> = {};
    columns.forEach((column, at) => {
      const value = record[at]?.trim();
      if (column !== null && value && cells[column] === undefined) cells[column] = value;
    });
    rows.set(index + 2, cells);
  });
  return rows;
};
