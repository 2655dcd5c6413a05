import { contactSnapshotSchema } from "@dealflow/contract";
import {
  CLASSIFICATIONS,
  type Classification,
  PREFERRED_CHANNELS,
  type PreferredChannel,
} from "@dealflow/core";
import { z } from "zod";

export const classificationSchema = z.enum(
  CLASSIFICATIONS as [Classification, ...Classification[]],
);

/** The contact's opportunities that the user may see, as the profile lists them. */
export const contactOpportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.string(),
  status: z.string(),
  ownerId: z.string().nullable(),
});

export const contactSchema = contactSnapshotSchema.extend({
  classification: classificationSchema.nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True while the contact is the hidden client of a marketplace opportunity: fields redacted. */
  hidden: z.boolean(),
});

export const contactDetailSchema = contactSchema.extend({
  opportunities: z.array(contactOpportunitySchema),
});

export type ContactView = z.output<typeof contactSchema>;

/** Absent: unchanged; null: cleared (name cannot be cleared). */
export const contactPatchSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    email: z.string().max(254).nullable().optional(),
    phone: z.string().max(40).nullable().optional(),
    company: z.string().max(200).nullable().optional(),
    linkedinUrl: z.string().max(500).nullable().optional(),
    preferredChannel: z
      .enum(PREFERRED_CHANNELS as [PreferredChannel, ...PreferredChannel[]])
      .nullable()
      .optional(),
    /** SPEC §4.3 from the profile: sets the tag and schedules (replaces) the follow-up; null clears. */
    classification: classificationSchema.nullable().optional(),
    /** The opportunity the profile was opened from: gets the timeline line and the follow-up. */
    opportunityId: z
      .string()
      .regex(/^[A-Za-z0-9._:@+-]{1,200}$/, "is not a valid id")
      .optional(),
  })
  .refine(
    (patch) => Object.keys(patch).some((key) => key !== "opportunityId"),
    "must change at least one field",
  );
