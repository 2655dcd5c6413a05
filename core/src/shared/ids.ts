import { monotonicFactory } from "ulid";

/** Produces a new unique, time-sortable id (a ULID). Passed into use cases so tests can fix it. */
export type IdGenerator = () => string;

/** ULIDs from the given clock: monotonic within one millisecond, sortable by creation time. */
export const ulidGenerator = (clock: () => number = Date.now): IdGenerator => {
  const next = monotonicFactory();
  return () => next(clock());
};

/** Deterministic ids for tests and seeds: `prefix-0001`, `prefix-0002`, … */
export const sequentialIds = (prefix = "id"): IdGenerator => {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-${String(n).padStart(4, "0")}`;
  };
};
