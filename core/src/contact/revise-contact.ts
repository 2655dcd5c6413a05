import type { EntityChange, Outcome } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { canEdit, isManager } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, throwIfInvalid } from "../shared/validation.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import { type Contact, snapshotOf } from "./contact.types.js";
import { type NewContactFields, newContact } from "./new-contact.js";

/** The profile's editable fields; an absent field stays as it is, null clears it. */
export type ContactFieldsPatch = Partial<NewContactFields>;

export type ReviseContactInput = {
  contact: Contact;
  patch: ContactFieldsPatch;
  /** Every opportunity the contact takes part in, read by id: their copies are refreshed. */
  opportunities: readonly Opportunity[];
};

/**
 * SPEC §7 for a contact: managers edit any; a seller one that takes part in an opportunity they
 * may edit. Nobody edits a hidden marketplace client (SPEC §4.4). The profile's Save and
 * classification follow this answer, so the tab never restates the rule.
 */
export const canEditContact = (
  actor: UseCaseContext["actor"],
  opportunities: readonly Opportunity[],
  settings: UseCaseContext["settings"],
): boolean =>
  !opportunities.some(isContactHidden) &&
  (actor === null ||
    isManager(actor, settings) ||
    opportunities.some((opportunity) => canEdit(actor, opportunity, settings)));

/**
 * Edits a contact's profile. Managers edit any contact; a seller one that takes part in an
 * opportunity they may edit (SPEC §7: sellers change what they own). The copies of the
 * contact on its opportunities change in the same write, so list views never show the old
 * name. A hidden marketplace client cannot be edited: nobody at the team may know who it is.
 */
export const reviseContact = (input: ReviseContactInput, ctx: UseCaseContext): Outcome<Contact> => {
  const { contact, opportunities } = input;
  assertInTenant(contact, ctx.tenantId);
  for (const opportunity of opportunities) assertInTenant(opportunity, ctx.tenantId);
  const actor = ctx.actor;
  if (
    actor !== null &&
    !isManager(actor, ctx.settings) &&
    !opportunities.some((opportunity) => canEdit(actor, opportunity, ctx.settings))
  ) {
    throw new DomainError(
      "forbidden",
      "Only a manager or the owner of one of its opportunities can edit this contact.",
    );
  }
  if (opportunities.some(isContactHidden)) {
    throw new DomainError(
      "forbidden",
      "The client's identity is hidden until they react to the application.",
    );
  }

  const errors: FieldErrors = [];
  // The same rules as a new contact's, applied to the merged fields; the id and dates are kept.
  const merged = newContact({ ...snapshotOf(contact), ...input.patch }, "", ctx, errors);
  throwIfInvalid(
    errors.map((error) => ({ ...error, path: error.path.replace(/^\./, "") })),
    "The contact is not valid.",
  );
  const after: Contact = {
    ...contact,
    ...snapshotOf(merged),
    id: contact.id,
    updatedAt: iso(ctx.now),
  };
  const snapshot = snapshotOf(after);
  if (JSON.stringify(snapshot) === JSON.stringify(snapshotOf(contact))) {
    return { value: contact, changes: [], schedule: [], cancel: [] };
  }

  const changes: EntityChange[] = [{ entity: "contact", before: contact, after }];
  for (const opportunity of opportunities) {
    const involved =
      opportunity.contact.id === contact.id ||
      opportunity.participants.some((p) => p.id === contact.id);
    if (!involved) continue;
    const revised = reviseOpportunity(
      opportunity,
      {
        contact: opportunity.contact.id === contact.id ? snapshot : opportunity.contact,
        participants: opportunity.participants.map((p) => (p.id === contact.id ? snapshot : p)),
      },
      ctx,
    );
    changes.push(opportunityChange(opportunity, revised));
  }
  return { value: after, changes, schedule: [], cancel: [] };
};
