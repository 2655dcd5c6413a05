import { z } from "zod";
import { firstContactActionSchema } from "../opportunity/opportunity.schema.js";

const learned = z.string().max(2_000).nullish();

/**
 * POST /api/opportunities/{id}/first-contact: SPEC §4.2's three buttons on a queue row. One
 * flat body for the three actions; each reads the fields it needs.
 */
export const firstContactBody = z.object({
  action: firstContactActionSchema,
  /** second-contact: 1 h – 14 days; the tenant's default (24 h) when absent. */
  delayHours: z.number().min(1).max(336).nullish(),
  /** discard: one of the tenant's discard reasons. */
  reason: z.string().max(100).nullish(),
  /** discard: the free text (required with reason `other`); ready-for-proposal: what was learned. */
  notes: z.string().max(2_000).nullish(),
  needs: learned,
  budget: learned,
  timing: learned,
});

export type FirstContactRequest = z.input<typeof firstContactBody>;

export type FirstContactActionName = z.output<typeof firstContactActionSchema>;
