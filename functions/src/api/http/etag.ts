import type { HttpRequest } from "@azure/functions";
import { DomainError } from "@dealflow/core";

/**
 * A record's version is its row's ETag (Table Storage's `W/"datetime'…'"`), already a valid
 * HTTP entity tag, so it travels as is: `ETag` on reads, `If-Match` on writes.
 */
export const ifMatchOf = (request: HttpRequest): string | null => {
  const value = request.headers.get("if-match")?.trim();
  return value ? value : null;
};

/**
 * The version a write must be based on: the one the client read (If-Match) when it sent one,
 * else the one just read. A client whose copy is stale gets 412 before anything is written.
 */
export const baseVersion = <T extends { version?: string }>(record: T, request: HttpRequest): T => {
  const expected = ifMatchOf(request);
  if (expected === null || expected === "*") return record;
  if (record.version !== expected) {
    throw new DomainError("conflict", "The record was changed since you read it; reload it.");
  }
  return record;
};
