import { iso } from "../shared/time.js";
import { type Deadline, deadlineId } from "./deadline.types.js";

/**
 * How long a CSV import may take from its first staged row to its publish. A file of at most
 * 1,000 rows is about 150 transactions; an import still unpublished after this is abandoned
 * (its process died or storage went away) and the sweep removes what it staged.
 */
export const IMPORT_PUBLISH_WINDOW_MS = 10 * 60_000;

/** SPEC §6 "nothing half-imported": the hint that reaps an import never published. */
export const importExpiryDeadline = (
  tenantId: string,
  importId: string,
  startedAt: Date,
): Deadline => {
  const dueAt = new Date(startedAt.getTime() + IMPORT_PUBLISH_WINDOW_MS);
  return {
    id: deadlineId("import-expiry", importId, dueAt),
    tenantId,
    kind: "import-expiry",
    subjectId: importId,
    dueAt: iso(dueAt),
    expect: null,
  };
};
