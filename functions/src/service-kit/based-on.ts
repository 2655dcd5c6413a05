import { DomainError } from "@dealflow/core";

/**
 * The version a write must be based on: the one the caller read (an API client's If-Match)
 * when it names one, else the one just read. A stale copy is refused (412) before anything is
 * written; "*" accepts any version.
 */
export const basedOn = <T extends { version?: string }>(
  record: T,
  expected: string | null | undefined,
): T => {
  if (expected === null || expected === undefined || expected === "*") return record;
  if (record.version !== expected) {
    throw new DomainError("conflict", "The record was changed since you read it; reload it.");
  }
  return record;
};
