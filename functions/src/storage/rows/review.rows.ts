import type { Review, ReviewLink } from "@dealflow/core";
import { key, keyPart, newestFirstKey } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { encodeRecord, type StoredRow } from "./stored-row.js";

/** Reviews newest first, the tenant's and one target's (the managers' list). */
export const reviewPrefixes = {
  all: () => rowKeyOf("reviewsNewest"),
  ofTarget: (targetId: string) => rowKeyOf("targetReviews", keyPart(targetId, "targetId"), ""),
};

export const reviewKey = (id: string) => rowKeyOf("review", keyPart(id));
export const reviewLinkKey = (id: string) => rowKeyOf("reviewLink", keyPart(id));

/** A review is written once and never changed: its projections are copies of it. */
export const reviewRows = (review: Review): StoredRow[] => {
  const data = encodeRecord(review);
  const newest = key(newestFirstKey(review.createdAt), keyPart(review.id));
  return [
    { rowKey: reviewKey(review.id), role: "main", kind: "review", data },
    { rowKey: reviewPrefixes.all() + newest, role: "projection", kind: "review", data },
    {
      rowKey: reviewPrefixes.ofTarget(review.targetId) + newest,
      role: "projection",
      kind: "review",
      data,
    },
  ];
};

/** The single-use link; its main row's ETag is what makes a second submit fail. */
export const reviewLinkRows = (link: ReviewLink): StoredRow[] => [
  { rowKey: reviewLinkKey(link.id), role: "main", kind: "review-link", data: encodeRecord(link) },
];
