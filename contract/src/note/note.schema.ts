import { MAX_NOTE_LENGTH } from "@dealflow/core";
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

/** POST /api/opportunities/{id}/notes. */
export const noteBody = z.object({ text: z.string().max(MAX_NOTE_LENGTH) });

export type NewNote = z.input<typeof noteBody>;
