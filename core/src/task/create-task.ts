import type { Outcome } from "../changes/change-set.js";
import type { Contact } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { assertCanEdit, isManager } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { IsoDateTime } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  invalidInput,
  oneOf,
  optionalText,
  parseInstant,
} from "../shared/validation.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import { newTask } from "./new-task.js";
import { TASK_KINDS, type Task, type TaskKind } from "./task.types.js";

export const MAX_TASK_TITLE_LENGTH = 200;

export type CreateTaskInput = {
  /** null for a task of the owner's own, tied to no opportunity. */
  opportunity: Opportunity | null;
  kind: TaskKind;
  title?: string | null;
  dueAt: Date | IsoDateTime;
  /** Defaults to the opportunity's owner, else the actor. */
  ownerId?: string | null;
  /** Defaults to the opportunity's contact; otherwise one of its participants. */
  contact?: Pick<Contact, "tenantId" | "id" | "name"> | null;
};

/** A task created by hand, from the agenda or an opportunity (a past due time is allowed). */
export const createTask = (input: CreateTaskInput, ctx: UseCaseContext): Outcome<Task> => {
  const { opportunity } = input;
  if (opportunity !== null) {
    assertInTenant(opportunity, ctx.tenantId);
    assertCanEdit(ctx.actor, opportunity, ctx.settings);
  }

  const errors: FieldErrors = [];
  const kind = oneOf(input.kind, TASK_KINDS, "kind", errors);
  const title = optionalText(input.title, "title", MAX_TASK_TITLE_LENGTH, errors);
  const dueAt = parseInstant(input.dueAt, "dueAt", errors);
  const ownerId =
    optionalText(input.ownerId, "ownerId", 128, errors) ??
    opportunity?.ownerId ??
    ctx.actor?.userId ??
    null;
  if (ownerId === null) errors.push({ path: "ownerId", message: "is required" });
  const contact = taskContact(input, errors);
  if (contact !== null) assertInTenant(contact, ctx.tenantId);
  if (errors.length > 0 || kind === null || dueAt === null || ownerId === null) {
    throw invalidInput(errors, "The task is not valid.");
  }

  const actor = ctx.actor;
  // Sellers plan their own work; handing a task to someone else is a manager's call.
  if (actor !== null && ownerId !== actor.userId && !isManager(actor, ctx.settings)) {
    throw new DomainError("forbidden", "Only a manager can give a task to someone else.");
  }

  return newTask(
    {
      kind,
      title,
      dueAt,
      ownerId,
      opportunityId: opportunity?.id ?? null,
      contactId: contact?.id ?? null,
      // A default title is stored and outlives the reveal window: never a hidden client's name.
      contactName:
        opportunity !== null && isContactHidden(opportunity) ? null : (contact?.name ?? null),
      origin: "manual",
    },
    ctx,
  );
};

const taskContact = (
  input: CreateTaskInput,
  errors: FieldErrors,
): Pick<Contact, "tenantId" | "id" | "name"> | null => {
  const { opportunity, contact } = input;
  if (opportunity === null) return contact ?? null;
  const primary = { ...opportunity.contact, tenantId: opportunity.tenantId };
  if (contact === undefined || contact === null) return primary;
  const involved = [opportunity.contact, ...opportunity.participants].some(
    (c) => c.id === contact.id,
  );
  if (!involved) errors.push({ path: "contact", message: "is not a contact of this opportunity" });
  return contact;
};
