import { CLASSIFICATIONS, type Classification as CoreClassification } from "@dealflow/core";
import { z } from "zod";
import { idSchema, problemSchema } from "../common/common.schema.js";
import {
  contactSnapshotSchema,
  preferredChannelSchema,
} from "../opportunity/opportunity.schema.js";

/** SPEC §4.3: how promising a contact is (the first four outcomes of a task). */
export const classificationSchema = z.enum(
  CLASSIFICATIONS as [CoreClassification, ...CoreClassification[]],
);

export type Classification = z.output<typeof classificationSchema>;

export type PreferredChannel = z.output<typeof preferredChannelSchema>;

/** The contact's opportunities that the user may see, as the profile lists them. */
export const contactOpportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.string(),
  status: z.string(),
  ownerId: z.string().nullable(),
});

export type ContactOpportunity = z.output<typeof contactOpportunitySchema>;

/** A contact as search and the profile answer it (GET /api/contacts, /api/contacts/{id}). */
export const contactSchema = contactSnapshotSchema.extend({
  classification: classificationSchema.nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True while the contact is the hidden client of a marketplace opportunity: fields redacted. */
  hidden: z.boolean(),
});

export type Contact = z.output<typeof contactSchema>;

/** GET /api/contacts?q=: the matches (never a hidden client). */
export const contactSearchSchema = z.object({ items: z.array(contactSchema) });

/** GET /api/contacts?q=&limit=: the start of a name, a later word of it, email or company. */
export const contactSearchQuery = z.object({
  q: z.string().trim().min(1, "is required").max(100),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

export type ContactSearchQuery = z.input<typeof contactSearchQuery>;

export const contactDetailSchema = contactSchema.extend({
  opportunities: z.array(contactOpportunitySchema),
  /** SPEC §7 as decided for the user who asked: may they edit and classify this contact. */
  permissions: z.object({ edit: z.boolean() }),
});

export type ContactDetail = z.output<typeof contactDetailSchema>;

/** A contact's fields besides its name, as a new contact and a profile edit send them. */
const contactFields = {
  email: z.string().max(254).nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  company: z.string().max(200).nullable().optional(),
  linkedinUrl: z.string().max(500).nullable().optional(),
  preferredChannel: preferredChannelSchema.nullable().optional(),
};

/** PATCH /api/contacts/{id}. Absent: unchanged; null: cleared (name cannot be cleared). */
export const contactPatchSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    ...contactFields,
    /** SPEC §4.3 from the profile: sets the tag and schedules (replaces) the follow-up; null clears. */
    classification: classificationSchema.nullable().optional(),
    /** The opportunity the profile was opened from: gets the timeline line and the follow-up. */
    opportunityId: idSchema.optional(),
  })
  .refine(
    (patch) => Object.keys(patch).some((key) => key !== "opportunityId"),
    "must change at least one field",
  );

export type ContactPatch = z.input<typeof contactPatchSchema>;

/**
 * POST /api/contacts: a new person (a participant who joined the call, a referral), any
 * signed-in user. The name is required; the rest as the profile edits them. An email another
 * contact already has is answered 409 with that contact (`duplicateOf`): the user picks it,
 * or sends again with `allowDuplicate: true` (two people may share an address).
 */
export const createContactBody = z.strictObject({
  name: z.string("is required").max(200),
  ...contactFields,
  allowDuplicate: z.boolean().optional(),
});

export type NewContact = z.input<typeof createContactBody>;

/** The problem type of a new contact whose email another contact already has. */
export const DUPLICATE_CONTACT_TYPE = "urn:dealflow:problem:duplicate-contact";

/** 409 for POST /api/contacts: the contact that already has this email, offered instead. */
export const duplicateContactProblemSchema = problemSchema.extend({
  type: z.literal(DUPLICATE_CONTACT_TYPE),
  duplicateOf: contactSchema,
});

export type DuplicateContactProblem = z.output<typeof duplicateContactProblemSchema>;
