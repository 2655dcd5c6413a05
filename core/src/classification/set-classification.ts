import type { Outcome } from "../changes/change-set.js";
import { CLASSIFICATIONS, type Classification, type Contact } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { assertCanEdit, isManager } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, oneOf, throwIfInvalid } from "../shared/validation.js";
import { openTasksWhere } from "../task/close-task.js";
import type { Task } from "../task/task.types.js";
import { applicationOfContact } from "../visibility/hidden-client-contact.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import { type AppliedOutcome, applyOutcome } from "./apply-outcome.js";
import { classificationRule } from "./outcome-rules.js";

export type SetClassificationInput = {
  contact: Contact;
  /** null clears the classification (the profile's blank choice). */
  classification: Classification | null;
  /** The opportunity the profile was opened from, if any: gets the timeline lines and the follow-up. */
  opportunity: Opportunity | null;
  /** The contact's open tasks. */
  openTasks: readonly Task[];
};

/**
 * SPEC §4.3 from the contact's profile: sets or clears the classification and its tag; a
 * classification schedules its follow-up in place of an open one from an earlier
 * classification, and clearing cancels that one.
 */
export const setClassification = (
  input: SetClassificationInput,
  ctx: UseCaseContext,
): Outcome<AppliedOutcome> => {
  const { contact, opportunity } = input;
  assertInTenant(contact, ctx.tenantId);
  const errors: FieldErrors = [];
  if (opportunity !== null) {
    assertInTenant(opportunity, ctx.tenantId);
    assertCanEdit(ctx.actor, opportunity, ctx.settings);
    const involved = [opportunity.contact, ...opportunity.participants].some(
      (c) => c.id === contact.id,
    );
    if (!involved) errors.push({ path: "opportunity", message: "does not involve this contact" });
  } else if (ctx.actor !== null && !isManager(ctx.actor, ctx.settings)) {
    // With no opportunity to own, no seller owns the contact: any seller could undo another's.
    throw new DomainError(
      "forbidden",
      "Only a manager can classify a contact outside an opportunity.",
    );
  }
  const classification =
    input.classification === null
      ? null
      : oneOf(input.classification, CLASSIFICATIONS, "classification", errors);
  throwIfInvalid(errors, "The classification cannot be set as given.");

  const [earlier] = openTasksWhere(
    input.openTasks,
    (task) => task.origin === "classification" && task.contactId === contact.id,
  );
  return applyOutcome(
    {
      rule: classificationRule(classification, ctx.settings.durations),
      contact,
      contactId: contact.id,
      opportunityId: opportunity?.id ?? null,
      // The seller who owns the relationship keeps the follow-up, even when a manager classifies.
      followUpOwnerId: opportunity?.ownerId ?? earlier?.ownerId ?? ctx.actor?.userId ?? null,
      openTasks: input.openTasks,
      // Without the opportunity its visibility is unknown: a marketplace client stays unnamed.
      contactHidden:
        opportunity === null
          ? applicationOfContact(contact) !== null
          : isContactHidden(opportunity),
    },
    ctx,
  );
};
