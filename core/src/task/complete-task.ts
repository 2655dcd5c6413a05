import { mergeChangeSets, type Outcome } from "../changes/change-set.js";
import { applyOutcome } from "../classification/apply-outcome.js";
import { outcomeRule, TASK_OUTCOMES } from "../classification/outcome-rules.js";
import type { Contact } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, oneOf, throwIfInvalid } from "../shared/validation.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import { assertCanChangeTask, assertOpen } from "./assert-can-change-task.js";
import { closeTask } from "./close-task.js";
import type { Task, TaskOutcome } from "./task.types.js";

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
    },
    ctx,
  );
  return {
    ...mergeChangeSets(closed, applied),
    value: { task: closed.value, followUp: applied.value.followUp },
  };
};
