import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { describeChanges, type WatchedField } from "../../api/describe-changes.js";

export type MoveResult =
  | { kind: "moved"; opportunity: Opportunity }
  | { kind: "conflict"; changed: WatchedField[] }
  | { kind: "gone" };

/**
 * Moves a card to another stage. The card is the version the user saw: the opportunity is
 * read again for its ETag and, if someone changed it meanwhile, nothing is written and the
 * caller is told what changed; the write carries that ETag (If-Match), so a change in
 * between answers 412, reported the same way (SPEC §4.1).
 */
export const moveOpportunity = async (
  api: Pick<DealflowApi, "opportunity" | "changeStage">,
  card: Opportunity,
  stageId: string,
  reason?: string | null,
): Promise<MoveResult> => {
  try {
    const read = await api.opportunity(card.id);
    const changed = describeChanges(card, read.data);
    if (changed.length > 0) return { kind: "conflict", changed };
    try {
      const moved = await (reason
        ? api.changeStage(card.id, stageId, read.etag, reason)
        : api.changeStage(card.id, stageId, read.etag));
      return { kind: "moved", opportunity: moved.data };
    } catch (error) {
      if (!(error instanceof ApiError) || !error.isConflict) throw error;
      const current = await api.opportunity(card.id);
      return { kind: "conflict", changed: describeChanges(read.data, current.data) };
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: "gone" };
    throw error;
  }
};
