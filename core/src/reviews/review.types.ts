import type { IsoDateTime } from "../shared/time.js";

/** A client's review of the target that worked for them (SPEC §4.5). */
export type Review = {
  tenantId: string;
  id: string;
  opportunityId: string;
  targetId: string;
  /** 1 to 5, whole stars. */
  stars: number;
  text: string | null;
  createdAt: IsoDateTime;
};

/**
 * Ask the opportunity's Contact for a review of the routed target. Infrastructure signs the
 * single-use link (SPEC §8) and mails it; the id makes the request once per won opportunity.
 */
export type ReviewRequestIntent = {
  type: "review-request";
  id: string;
  opportunityId: string;
  contactId: string;
  targetId: string;
};

/**
 * The single-use link of one review request (SPEC §8). Its id is the request's, so a request
 * has one link; the signed token names it, and submitting a review sets `usedAt` in the same
 * conditional write as the review, so a second submit finds it used.
 */
export type ReviewLink = {
  tenantId: string;
  id: string;
  opportunityId: string;
  contactId: string;
  targetId: string;
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime;
  usedAt: IsoDateTime | null;
  reviewId: string | null;
  version?: string;
};
