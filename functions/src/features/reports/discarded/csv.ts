/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell per RFC 4180 (quoted when it holds a quote, comma or line break; quotes
 * doubled), made inert for spreadsheets by a leading apostrophe when it starts like a formula.
 */
export const csvCell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** RFC 4180: CRLF after every record, the header first. */
export const csvDocument = (
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string => [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
