import { activityChange } from "../activity/new-activity.js";
import type { Outcome } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, requiredText, throwIfInvalid } from "../shared/validation.js";
import { MAX_NOTE_LENGTH, type Note } from "./note.types.js";

export const EXCERPT_LENGTH = 140;

/** The start of a text on one line, cut at a word where possible, for timelines and cards. */
export const excerptOf = (text: string, max = EXCERPT_LENGTH): string => {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
};

/** A note and its timeline line; the caller has checked permissions and the text. */
export const newNote = (
  opportunityId: string,
  text: string,
  ctx: UseCaseContext,
): Outcome<Note> => {
  const note: Note = {
    tenantId: ctx.tenantId,
    id: ctx.ids(),
    opportunityId,
    authorId: ctx.actor?.userId ?? null,
    text,
    createdAt: iso(ctx.now),
  };
  return {
    value: note,
    changes: [
      { entity: "note", before: null, after: note },
      activityChange(
        opportunityId,
        { type: "note-added", noteId: note.id, excerpt: excerptOf(text) },
        ctx,
      ),
    ],
    schedule: [],
    cancel: [],
  };
};

export type AddNoteInput = { opportunity: Opportunity; text: string };

/** Followers read only (SPEC §7), so adding a note takes the right to edit. */
export const addNote = (input: AddNoteInput, ctx: UseCaseContext): Outcome<Note> => {
  assertInTenant(input.opportunity, ctx.tenantId);
  assertCanEdit(ctx.actor, input.opportunity, ctx.settings);
  const errors: FieldErrors = [];
  const text = requiredText(input.text, "text", MAX_NOTE_LENGTH, errors);
  throwIfInvalid(errors, "The note is not valid.");
  return newNote(input.opportunity.id, text, ctx);
};
