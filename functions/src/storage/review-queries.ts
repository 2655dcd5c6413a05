import type { Review, ReviewLink } from "@dealflow/core";
import { keyPart } from "./keys.js";
import { decodeRow, type Page, type PageRequest, type RawRow, readRange } from "./paging.js";
import { reviewLinkKey, reviewPrefixes } from "./rows/review.rows.js";
import { isNotFound } from "./storage-errors.js";
import type { TableStorage } from "./table-storage.js";

/** The reads of client reviews (SPEC §4.5): the single-use links and the reviews written. */
export const createReviewQueries = (storage: TableStorage) => ({
  /** A link with its version (the ETag the submission writes on), or null. */
  async getReviewLink(tenantId: string, id: string): Promise<ReviewLink | null> {
    try {
      const row = await storage
        .table("tenantData")
        .getEntity<RawRow>(keyPart(tenantId, "tenantId"), reviewLinkKey(id));
      return decodeRow<ReviewLink>(row, true);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  },
  /** Reviews newest first: every target's, or one target's. */
  async listReviews(
    tenantId: string,
    filter: { targetId?: string },
    page?: PageRequest,
  ): Promise<Page<Review>> {
    const prefix = filter.targetId
      ? reviewPrefixes.ofTarget(filter.targetId)
      : reviewPrefixes.all();
    const rows = await readRange(storage, keyPart(tenantId, "tenantId"), { prefix }, page);
    return {
      items: rows.items.map((row) => decodeRow<Review>(row, false)),
      nextCursor: rows.nextCursor,
    };
  },
});
