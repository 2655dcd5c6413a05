import { z } from "zod";

/** A note on an opportunity; the server redacts a hidden client's name in notes it wrote. */
export const noteSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  authorId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});

export type Note = z.output<typeof noteSchema>;
