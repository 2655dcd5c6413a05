import { z } from "zod";
import { idSchema, pageQuery } from "../common/common.schema.js";

/** A client's review of a routing target as managers read it (SPEC §4.5), newest first. */
export const reviewSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  opportunityId: z.string(),
  /** The opportunity's title now (a hidden client's name redacted); null once it is gone. */
  opportunityTitle: z.string().nullable(),
  stars: z.number().int().min(1).max(5),
  text: z.string().nullable(),
  createdAt: z.string(),
});

/** Named for what it reviews: core's Review is the stored record. */
export type TargetReview = z.output<typeof reviewSchema>;

/** GET /api/reviews: one target's reviews, or every target's. */
export const listReviewsQuery = z.object({ targetId: idSchema.optional(), ...pageQuery });

export type ListReviewsQuery = z.input<typeof listReviewsQuery>;
