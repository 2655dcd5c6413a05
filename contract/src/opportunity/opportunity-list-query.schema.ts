import { z } from "zod";
import { cursorSchema, idSchema } from "../common/common.schema.js";
import { LIST_VIEWS } from "./opportunity.schema.js";

/** GET /api/opportunities: a queue, your own, those you follow, or all you may see. */
export const opportunityListQuery = z.object({
  view: z.enum(LIST_VIEWS).default("all"),
  owner: z.union([z.literal("me"), idSchema]).optional(),
  stage: idSchema.optional(),
  pipeline: idSchema.optional(),
  q: z.string().trim().min(1, "must not be blank").max(100).optional(),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** `nextTask`: each item also says its owner's next open task (lists, boards; not queues). */
  include: z.literal("nextTask").optional(),
});

/** The query as a client writes it (every value a string in the URL). */
export type OpportunityListQuery = z.input<typeof opportunityListQuery>;
