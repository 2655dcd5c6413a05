import { mergeChangeSets, type Outcome } from "../changes/change-set.js";
import { applyOutcome } from "../classification/apply-outcome.js";
import { outcomeRule, TASK_OUTCOMES } from "../classification/outcome-rules.js";
import type { Contact } from "../contact/contact.types.js";
import { newNote } from "../note/add-note.js";
import { MAX_NOTE_LENGTH } from "../note/note.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  oneOf,
  optionalText,
  parseInstant,
  throwIfInvalid,
} from "../shared/validation.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import { assertCanChangeTask, assertOpen } from "./assert-can-change-task.js";
import { closeTask } from "./close-task.js";
import { MAX_TASK_TITLE_LENGTH } from "./create-task.js";
import type { Task, TaskOutcome } from "./task.types.js";
import { TASK_KINDS } from "./task.types.js";

export type CompleteTaskInput = {
  task: Task;
  /** "How did it go?"; null when left blank. */
  outcome: TaskOutcome | null;
  /** The task's contact; required for a classification. */
  contact: Contact | null;
  /** The task's opportunity; null only for a task that has none. */
  opportunity: Opportunity | null;
  /** The contact's open tasks, so a classification replaces its earlier follow-up. */
  openTasks?: readonly Task[];
  /** What happened, kept as a note on the opportunity (the agenda article's flow). */
  note?: string | null;
  /** The person's own next task, instead of the outcome's default follow-up. */
  nextTask?: { kind: string; title?: string | null; dueAt: string | Date } | null;
};

export type CompletedTask = { task: Task; followUp: Task | null };

/** SPEC §4.3: completes a task and applies the chosen outcome (tag, classification, follow-up). */
export const completeTask = (
  input: CompleteTaskInput,
  ctx: UseCaseContext,
): Outcome<CompletedTask> => {
  const { task, contact, opportunity } = input;
  assertCanChangeTask(task, opportunity, ctx);
  assertOpen(task);

  const errors: FieldErrors = [];
  const outcome =
    input.outcome === null ? null : oneOf(input.outcome, TASK_OUTCOMES, "outcome", errors);
  const rule = outcomeRule(outcome, ctx.settings.durations);
  if (contact !== null) {
    assertInTenant(contact, ctx.tenantId);
    if (task.contactId !== null && contact.id !== task.contactId) {
      errors.push({ path: "contact", message: "is not the task's contact" });
    }
  } else if (rule.classify) {
    errors.push({ path: "contact", message: "is required to classify" });
  }
  const note = optionalText(input.note, "note", MAX_NOTE_LENGTH, errors);
  if (note !== null && task.opportunityId === null) {
    errors.push({ path: "note", message: "needs the task to belong to an opportunity" });
  }
  const next = input.nextTask ?? null;
  const ownNext =
    next === null
      ? null
      : {
          kind: oneOf(next.kind, TASK_KINDS, "nextTask.kind", errors),
          title: optionalText(next.title, "nextTask.title", MAX_TASK_TITLE_LENGTH, errors),
          dueAt: parseInstant(next.dueAt, "nextTask.dueAt", errors),
        };
  throwIfInvalid(errors, "The task cannot be completed as given.");

  const closed = closeTask(task, { status: "done", outcome }, ctx);
  const applied = applyOutcome(
    {
      rule,
      contact,
      contactId: task.contactId,
      opportunityId: task.opportunityId,
      followUpOwnerId: task.ownerId,
      openTasks: (input.openTasks ?? []).filter((open) => open.id !== task.id),
      contactHidden: opportunity !== null && isContactHidden(opportunity),
      ownNext:
        ownNext?.kind && ownNext.dueAt
          ? { kind: ownNext.kind, title: ownNext.title, dueAt: ownNext.dueAt }
          : null,
    },
    ctx,
  );
  const noted =
    note !== null && task.opportunityId !== null ? [newNote(task.opportunityId, note, ctx)] : [];
  return {
    ...mergeChangeSets(closed, applied, ...noted),
    value: { task: closed.value, followUp: applied.value.followUp },
  };
};
