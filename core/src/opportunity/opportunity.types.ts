import type { ContactSnapshot } from "../contact/contact.types.js";
import type { IsoDateTime } from "../shared/time.js";
import type { DeadlineRef } from "../sla/deadline.types.js";

export type OpportunityStatus = "open" | "won" | "lost" | "discarded";

export type FirstContactAction = "ready-for-proposal" | "second-contact" | "discard";

/** `awaiting`: in the first-contact queue; `second-contact`: in the second-contact queue. */
export type FirstContactState = "awaiting" | "second-contact" | "done";

/** The details PATCH edits (editOpportunity), as named on the timeline. */
export type OpportunityDetailField = "title" | "value" | "tags" | "campaign" | "source";

export type Money = { amount: number; currency: string };

export type ContactVisibility = "hidden" | "revealed" | "withheld";

export type RefundState = "none" | "eligible" | "not-eligible";

/** An opportunity that came from a marketplace application (SPEC §4.4). */
export type MarketplaceApplication = {
  connectorKey: string;
  visibility: ContactVisibility;
  appliedAt: IsoDateTime;
  brief: string | null;
  meetingAt: IsoDateTime | null;
  meetingUrl: string | null;
  meetingHeld: boolean;
  fee: Money | null;
  refund: RefundState;
  refundReason: string | null;
  revealedAt: IsoDateTime | null;
};

export type Discard = {
  reason: string;
  text: string | null;
  at: IsoDateTime;
  by: string | null;
};

export type Opportunity = {
  tenantId: string;
  id: string;
  title: string;
  pipelineId: string;
  stage: string;
  status: OpportunityStatus;
  receivedAt: IsoDateTime;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  createdBy: string | null;
  ownerId: string | null;
  source: string;
  campaign: string | null;
  value: Money | null;
  tags: string[];
  /** Exactly one primary contact: the default recipient of anything composed. */
  contact: ContactSnapshot;
  participants: ContactSnapshot[];
  /** User ids of the internal followers. */
  followers: string[];
  /** Followers who muted this opportunity's notifications. */
  mutedBy: string[];
  firstContact: {
    state: FirstContactState;
    recordedAt: IsoDateTime | null;
    action: FirstContactAction | null;
    /** Due time of the open second-contact task, for the second-contact queue's order. */
    secondContactDueAt: IsoDateTime | null;
  };
  discard: Discard | null;
  closedAt: IsoDateTime | null;
  /** What finds it again when its sender sends it twice, namespaced by sender (external-id.ts). */
  externalId: string | null;
  /**
   * The Contact's email as the lead's source gave it (form, marketplace, import, the person
   * who typed it), never changed by later edits: the review request goes there, so a rated
   * target cannot redirect its own review (SPEC §4.5). Absent on rows written before.
   */
  sourceEmail?: string | null;
  marketplace: MarketplaceApplication | null;
  /** Deadlines this opportunity has scheduled and not yet seen cancelled. */
  deadlines: DeadlineRef[];
  /** Opaque version (ETag) read with the record; a write must match it. */
  version?: string;
};

/** Limits that keep an opportunity and its index rows inside one entity-group transaction. */
export const MAX_FOLLOWERS = 50;
export const MAX_PARTICIPANTS = 30;
