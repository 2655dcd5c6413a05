import { z } from "zod";
import { idSchema, instantSchema, taskKindSchema } from "../common/common.schema.js";
import { preferredChannelSchema } from "./opportunity.schema.js";

const text = (max: number) => z.string().max(max);

const valueSchema = z.object({ amount: z.number().nonnegative(), currency: z.string() });

/** POST /api/opportunities: SPEC §4.2 "+ New", an opportunity entered by hand. */
export const createOpportunityBody = z.object({
  contact: z.object({
    name: text(200),
    email: text(254).nullish(),
    phone: text(40).nullish(),
    company: text(200).nullish(),
    linkedinUrl: text(500).nullish(),
    preferredChannel: preferredChannelSchema.nullish(),
  }),
  source: text(100),
  campaign: text(200).nullish(),
  title: text(200).nullish(),
  /** Absent: the creator owns it; only managers name someone else. */
  ownerId: idSchema.optional(),
  value: valueSchema.nullish(),
  tags: z.array(text(50)).max(30).optional(),
  nextTask: z
    .object({ kind: taskKindSchema, title: text(200).nullish(), dueAt: instantSchema })
    .nullish(),
});

/** What the tab sends to create an opportunity. */
export type NewOpportunity = z.input<typeof createOpportunityBody>;

/**
 * PATCH /api/opportunities/{id}: the details only (title, value, tags, campaign, source; owner,
 * stage and roles have their own routes, hence a strict body). Absent: unchanged; null clears
 * value and campaign.
 */
export const patchOpportunityBody = z
  .object({
    title: z.string().max(200).optional(),
    value: valueSchema.nullable().optional(),
    tags: z.array(z.string().max(50)).max(30).optional(),
    campaign: z.string().max(200).nullable().optional(),
    /** One of the tenant's sources (settings). */
    source: z.string().max(100).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "must change at least one field");

export type OpportunityPatch = z.input<typeof patchOpportunityBody>;

/** PUT /api/opportunities/{id}/owner. */
export const changeOwnerBody = z.object({ ownerId: idSchema });

export type OwnerChange = z.input<typeof changeOwnerBody>;

/**
 * PUT /api/opportunities/{id}/stage: a stage id of the opportunity's pipeline; `reason`, why
 * it was lost (a lost stage only), goes on the timeline and in the channel's post.
 */
export const changeStageBody = z.object({
  stage: idSchema,
  reason: z.string().max(500).nullish(),
});

export type StageChange = z.input<typeof changeStageBody>;

/** PUT /api/opportunities/{id}/contact: a participant becomes the Contact. */
export const promoteContactBody = z.object({ contactId: idSchema });

export type ContactPromotion = z.input<typeof promoteContactBody>;
