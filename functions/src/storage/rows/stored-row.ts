/**
 * One row of the tenant table as the row builders describe it. `main` holds the record;
 * `projection` rows copy it under another sort order so a list view is one range read;
 * `pointer` rows only name the main row (their content never changes, so an update need not
 * rewrite them); `unique` pointers are created with "create" so a duplicate fails the write.
 */
export type StoredRow =
  | { rowKey: string; role: "main" | "projection"; kind: string; data: string }
  | { rowKey: string; role: "pointer" | "unique"; kind: string; ref: string };

/** JSON of a record without its version: the version is the row's ETag, not its content. */
export const encodeRecord = (record: object): string => {
  const { version: _version, ...rest } = record as { version?: unknown };
  return JSON.stringify(rest);
};

/** Azure limits a string property to 64 KiB (32 K UTF-16 characters). */
export const MAX_DATA_CHARS = 30_000;
