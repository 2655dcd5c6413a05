import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { describeChanges, type WatchedField } from "../../api/describe-changes.js";
import type { FirstContactAction } from "../../api/first-contact-action.js";

export type ActionResult =
  | { kind: "done" }
  | { kind: "conflict"; changed: WatchedField[] }
  | { kind: "gone" };

/**
 * Records the action against the version the form was opened on; a 412 re-reads the
 * opportunity and says which fields someone else changed (SPEC §4.1).
 */
export const recordFirstContact = async (
  api: DealflowApi,
  read: { opportunity: Opportunity; etag: string | null },
  action: FirstContactAction,
): Promise<ActionResult> => {
  try {
    await api.recordFirstContact(read.opportunity.id, action, read.etag);
    return { kind: "done" };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 404) return { kind: "gone" };
    if (!error.isConflict) throw error;
    const current = await api.opportunity(read.opportunity.id);
    return { kind: "conflict", changed: describeChanges(read.opportunity, current.data) };
  }
};
