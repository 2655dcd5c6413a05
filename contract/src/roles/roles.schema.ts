import { z } from "zod";
import { idSchema } from "../common/common.schema.js";

/** POST|DELETE /api/opportunities/{id}/followers/{userId}. */
export const followerParams = z.object({ id: idSchema, userId: idSchema });

/** /api/opportunities/{id}/participants/{contactId}. */
export const participantParams = z.object({ id: idSchema, contactId: idSchema });

/**
 * POST /api/opportunities/{id}/followers/{userId}'s optional body: who the picker found in the
 * directory, for a person new to Dealflow.
 */
export const addFollowerBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().max(254).nullable().optional(),
  })
  .optional();

export type DirectoryPerson = NonNullable<z.input<typeof addFollowerBody>>;
