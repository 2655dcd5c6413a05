import type { TableEntityResult } from "@azure/data-tables";
import { DomainError } from "@dealflow/core";
import { prefixRange, rangeFilter } from "./keys.js";
import type { TableStorage } from "./table-storage.js";

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageRequest = { cursor?: string | null; limit?: number };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * Every page of a list, read one after the other at the largest page size, up to `maxPages`
 * pages (a bound for lists that stay small by nature; none by default).
 */
export const readAllPages = async <T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  options: { maxPages?: number } = {},
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < (options.maxPages ?? Number.POSITIVE_INFINITY); pages++) {
    const page: Page<T> = await read({
      limit: MAX_PAGE_SIZE,
      ...(cursor === null ? {} : { cursor }),
    });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return items;
};

/** `imp`: the CSV import that staged the row; it shows once that import is published. */
export type RawRow = TableEntityResult<{
  kind?: string;
  data?: string;
  ref?: string;
  imp?: string;
}>;

/** The cursor of the page after `rowKey` (a reader that stops mid-range makes its own). */
export const encodeCursor = (rowKey: string) => Buffer.from(rowKey, "utf8").toString("base64url");

/** A cursor is the last RowKey seen; it must lie inside the range being read. */
const decodeCursor = (cursor: string, prefix: string): string => {
  const rowKey = Buffer.from(cursor, "base64url").toString("utf8");
  if (!rowKey.startsWith(prefix)) {
    throw new DomainError("validation", "The cursor does not belong to this list.", [
      { path: "cursor", message: "is not a cursor of this list" },
    ]);
  }
  return rowKey;
};

/**
 * One page of the rows whose RowKey starts with `prefix` (or lies in [from, to)), in
 * RowKey order. Reads one row more than asked to know whether another page exists.
 */
export const readRange = async (
  storage: TableStorage,
  partitionKey: string,
  range: { prefix: string; from?: string; to?: string },
  page: PageRequest = {},
): Promise<Page<RawRow>> => {
  const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const whole = prefixRange(range.prefix);
  const after = page.cursor ? decodeCursor(page.cursor, range.prefix) : undefined;
  const filter = rangeFilter(partitionKey, range.from ?? whole.from, range.to ?? whole.to, after);
  const rows: RawRow[] = [];
  const pages = storage
    .table("tenantData")
    .listEntities<RawRow>({ queryOptions: { filter } })
    .byPage({ maxPageSize: limit + 1 });
  for await (const batch of pages) {
    rows.push(...batch);
    if (rows.length > limit) break;
  }
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last.rowKey ?? "") : null,
  };
};

/** The record a row carries; a main row also carries its version (the row's ETag). */
export const decodeRow = <T>(row: RawRow, withVersion: boolean): T => {
  const record = JSON.parse(row.data ?? "null") as T & { version?: string };
  if (withVersion && row.etag) record.version = row.etag;
  return record;
};
