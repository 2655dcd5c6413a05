import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import type { Versioned } from "../../api/api-client.js";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { describeChanges, type WatchedField } from "../../api/describe-changes.js";

export type WriteResult =
  | { kind: "done"; read: Versioned<Opportunity> | null }
  | { kind: "conflict"; read: Versioned<Opportunity>; changed: WatchedField[] }
  | { kind: "gone" };

/**
 * One write of the detail, made against the version it was read at (If-Match). A 412
 * re-reads the opportunity and names what someone else changed (SPEC §4.1).
 */
export const writeOpportunity = async (
  api: DealflowApi,
  read: Versioned<Opportunity>,
  write: (etag: string | null) => Promise<Versioned<Opportunity> | null>,
): Promise<WriteResult> => {
  try {
    return { kind: "done", read: await write(read.etag) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 404) return { kind: "gone" };
    if (!error.isConflict) throw error;
    const current = await api.opportunity(read.data.id);
    return { kind: "conflict", read: current, changed: describeChanges(read.data, current.data) };
  }
};
