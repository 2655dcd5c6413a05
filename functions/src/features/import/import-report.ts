import type { ImportReport, ImportRowError } from "@dealflow/contract";
import { DomainError, type FieldError, isDomainError } from "@dealflow/core";

/** Core names fields `contact.email`, `source`…; the report names the CSV column. */
export const rowErrorsOf = (
  error: unknown,
  columnOf: (path: string) => string,
): ImportRowError[] => {
  if (!isDomainError(error) || error.code !== "validation") throw error;
  const fields: readonly FieldError[] =
    error.errors.length > 0 ? error.errors : [{ path: "(row)", message: error.message }];
  return fields.map((field) => ({ column: columnOf(field.path), message: field.message }));
};

/** All-or-nothing: a file with any bad row is refused whole, naming every bad cell. */
export const refuseReport = (report: ImportReport): never => {
  const errors = report.rows.flatMap((row) =>
    row.errors.map((error) => ({
      path: `rows.${row.row}.${error.column}`,
      message: error.message,
    })),
  );
  throw new DomainError(
    "validation",
    `${report.invalid} of ${report.total} rows are not valid; nothing was imported.`,
    errors,
  );
};
