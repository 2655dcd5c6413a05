import {
  type Activity,
  type Note,
  type Opportunity,
  redactHiddenActivity,
  redactHiddenContact,
  redactHiddenText,
  type Settings,
  snapshotOf,
} from "@dealflow/core";
import { z } from "zod";
import { visibilityMarks } from "./visibility-marks.js";

/**
 * The Opportunity as the API answers it (CONTRACTS.md), reusable by other features (tasks,
 * tabs). Built field by field from the domain record so that bookkeeping (tenant, deadlines,
 * mutes, version) never leaks and a field added to the domain later is not exposed by accident.
 */
export const contactSnapshotSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  linkedinUrl: z.string().nullable(),
  preferredChannel: z.enum(["email", "phone", "teams-meeting", "other"]).nullable(),
});

export const moneySchema = z.object({ amount: z.number(), currency: z.string() });

const marketplaceSchema = z.object({
  connectorKey: z.string(),
  visibility: z.enum(["hidden", "revealed", "withheld"]),
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

export const opportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  pipelineId: z.string(),
  stage: z.string(),
  status: z.enum(["open", "won", "lost", "discarded"]),
  receivedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.string().nullable(),
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
    action: z.enum(["ready-for-proposal", "second-contact", "discard"]).nullable(),
    secondContactDueAt: z.string().nullable(),
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
  marketplace: marketplaceSchema.nullable(),
});

export type OpportunityResponse = z.output<typeof opportunitySchema>;

/**
 * The one way an opportunity leaves the API: hidden marketplace clients redacted first. The
 * settings give a hidden client's countdowns their marketplace's durations.
 */
export const opportunityResponse = (
  record: Opportunity,
  settings: Pick<Settings, "marketplaces">,
): OpportunityResponse => {
  const o = redactHiddenContact(record);
  return {
    id: o.id,
    title: o.title,
    pipelineId: o.pipelineId,
    stage: o.stage,
    status: o.status,
    receivedAt: o.receivedAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    createdBy: o.createdBy,
    ownerId: o.ownerId,
    source: o.source,
    campaign: o.campaign,
    value: o.value,
    tags: o.tags,
    contact: snapshotOf(o.contact),
    participants: o.participants.map(snapshotOf),
    followers: o.followers,
    firstContact: o.firstContact,
    discard: o.discard,
    closedAt: o.closedAt,
    externalId: o.externalId,
    marketplace: o.marketplace && { ...o.marketplace, ...visibilityMarks(o, settings) },
  };
};

export const noteSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  authorId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});

/** Notes written by us (a learned-note template, a colleague) may name a hidden client too. */
export const noteResponse = (
  note: Note,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): z.output<typeof noteSchema> => ({
  id: note.id,
  opportunityId: note.opportunityId,
  authorId: note.authorId,
  text: redactHiddenText(note.text, opportunity),
  createdAt: note.createdAt,
});

/** A timeline line: the common fields plus those of its `type` (core's ActivityDetails). */
export const activitySchema = z.looseObject({
  id: z.string(),
  opportunityId: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  type: z.string(),
});

export const activityResponse = (
  activity: Activity,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): Record<string, unknown> => {
  const { tenantId: _tenant, ...line } = redactHiddenActivity(activity, opportunity);
  return line;
};
