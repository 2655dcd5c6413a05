import { type ReviewLink, reviewLinkState } from "@dealflow/core";
import type { Store } from "../../storage/store.js";
import { hasValidSignature, readReviewToken, signReviewToken } from "./review-token.js";

/** The public page's path of a review link (SPEC §4.5); the host serves it at its root. */
export const REVIEW_PAGE_ROUTE = "r/{token}";

/** The address a client gets for a link, signed with the tenant's key (created if need be). */
export const reviewLinkUrl = async (
  store: Pick<Store, "reviewKeys">,
  publicBaseUrl: string,
  link: ReviewLink,
): Promise<string> => {
  const key = await store.reviewKeys.obtain(link.tenantId);
  const token = signReviewToken(
    { tenantId: link.tenantId, linkId: link.id, expiresAt: new Date(link.expiresAt) },
    key,
  );
  return `${publicBaseUrl.replace(/\/+$/, "")}/${REVIEW_PAGE_ROUTE.replace("{token}", token)}`;
};

/**
 * What a token opens. Anything not signed by its tenant's key, or naming no link, is
 * `not-found` (a tampered token learns nothing); a used link is `used` even once expired.
 */
export type OpenedReviewLink =
  | { kind: "open"; link: ReviewLink }
  | { kind: "not-found" }
  | { kind: "expired"; link: ReviewLink }
  | { kind: "used"; link: ReviewLink };

export const openReviewLink = async (
  store: Pick<Store, "reviewKeys" | "getReviewLink">,
  token: string,
  now: Date,
): Promise<OpenedReviewLink> => {
  const claims = readReviewToken(token);
  if (claims === null) return { kind: "not-found" };
  const key = await store.reviewKeys.find(claims.tenantId);
  if (key === null || !hasValidSignature(token, key)) return { kind: "not-found" };
  const link = await store.getReviewLink(claims.tenantId, claims.linkId);
  if (link === null) return { kind: "not-found" };
  const state = reviewLinkState(link, now);
  if (state === "used") return { kind: "used", link };
  if (state === "expired" || claims.expiresAt.getTime() <= now.getTime()) {
    return { kind: "expired", link };
  }
  return { kind: "open", link };
};
