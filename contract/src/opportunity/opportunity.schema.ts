import { type ActivityDetails, PREFERRED_CHANNELS, type PreferredChannel } from "@dealflow/core";
import { z } from "zod";
import { moneySchema, taskKindSchema } from "../common/common.schema.js";

export const preferredChannelSchema = z.enum(
  PREFERRED_CHANNELS as [PreferredChannel, ...PreferredChannel[]],
);

/** A person on an opportunity (its contact, its other participants); hidden clients redacted. */
export const contactSnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  preferredChannel: preferredChannelSchema.nullable(),
});

export type ContactSnapshot = z.output<typeof contactSnapshotSchema>;

export const contactVisibilitySchema = z.enum(["hidden", "revealed", "withheld"]);

export type ContactVisibility = z.output<typeof contactVisibilitySchema>;

/** A marketplace application (SPEC §4.4) as the API answers it: the client redacted while hidden. */
export const marketplaceApplicationSchema = z.object({
  connectorKey: z.string(),
  visibility: contactVisibilitySchema,
  appliedAt: z.string(),
  brief: z.string().nullable(),
  meetingAt: z.string().nullable(),
  /** Always null while the client is hidden or withheld. */
  meetingUrl: z.string().nullable(),
  meetingHeld: z.boolean(),
  fee: moneySchema.nullable(),
  refund: z.enum(["none", "eligible", "not-eligible"]),
  refundReason: z.string().nullable(),
  revealedAt: z.string().nullable(),
  /** While the client is hidden: when they are reminded (SPEC §5); null otherwise. */
  reminderAt: z.string().nullable(),
  /** While the client is hidden: when they are revealed automatically; null otherwise. */
  revealAt: z.string().nullable(),
});

export type MarketplaceApplication = z.output<typeof marketplaceApplicationSchema>;

export const opportunityStatusSchema = z.enum(["open", "won", "lost", "discarded"]);

export const firstContactActionSchema = z.enum(["ready-for-proposal", "second-contact", "discard"]);

/**
 * The Opportunity as the API answers it (CONTRACTS.md). The server builds it field by field
 * from the domain record, so bookkeeping (tenant, deadlines, mutes, version) never leaks.
 */
export const opportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  pipelineId: z.string(),
  stage: z.string(),
  status: opportunityStatusSchema,
  receivedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
  /** null while nobody owns it (a lead waiting to be routed, an owner who left). */
  ownerId: z.string().nullable(),
  source: z.string(),
  campaign: z.string().nullable(),
  value: moneySchema.nullable(),
  tags: z.array(z.string()),
  contact: contactSnapshotSchema,
  participants: z.array(contactSnapshotSchema),
  followers: z.array(z.string()),
  firstContact: z.object({
    state: z.enum(["awaiting", "second-contact", "done"]),
    recordedAt: z.string().nullable(),
    action: firstContactActionSchema.nullable(),
    secondContactDueAt: z.string().nullable(),
    /** SPEC §5: when the first contact is late (the queue turns amber), counted from reception. */
    targetAt: z.string(),
    /** SPEC §5: when a first contact not yet made escalates to managers (the queue turns red). */
    escalatesAt: z.string(),
  }),
  discard: z
    .object({
      reason: z.string(),
      text: z.string().nullable(),
      at: z.string(),
      by: z.string().nullable(),
    })
    .nullable(),
  closedAt: z.string().nullable(),
  externalId: z.string().nullable(),
  marketplace: marketplaceApplicationSchema.nullable(),
  /**
   * What the user who asked may do with it (SPEC §7), decided by the server: `edit` is the
   * owner's or a manager's (change it, its roles, its tasks); followers and teammates only read.
   */
  permissions: z.object({ edit: z.boolean() }),
});

export type Opportunity = z.output<typeof opportunitySchema>;

/** The owner's next open task on an opportunity, as lists and boards show it. */
export const nextTaskSchema = z.object({
  id: z.string(),
  kind: taskKindSchema,
  title: z.string(),
  dueAt: z.string(),
});

export type NextTask = z.output<typeof nextTaskSchema>;

/** A list item: the Opportunity, and its next task when `include=nextTask` asked for it. */
export const opportunityListItemSchema = opportunitySchema.extend({
  nextTask: nextTaskSchema.nullable().optional(),
});

export type OpportunityListItem = z.output<typeof opportunityListItemSchema>;

export const LIST_VIEWS = ["first-contact", "second-contact", "mine", "following", "all"] as const;

export type OpportunityView = (typeof LIST_VIEWS)[number];

/**
 * A timeline line: the common fields plus those of its `type` (core's ActivityDetails, hidden
 * clients redacted). Loose, as a newer server may send a type an older tab does not know.
 */
export const activitySchema = z.looseObject({
  id: z.string(),
  opportunityId: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  type: z.string(),
});

/**
 * A timeline line as the tab reads it: one variant per `type`, core's ActivityDetails (a
 * hidden client's name and our texts naming them arrive redacted). A server newer than a tab
 * may send a type this union does not list: readers keep a neutral fallback.
 */
export type Activity = {
  id: string;
  opportunityId: string;
  at: string;
  /** null when the system did it (intake, a timer, the marketplace). */
  actorId: string | null;
} & ActivityDetails;

export type { ActivityDetails };

export type ActivityType = ActivityDetails["type"];
