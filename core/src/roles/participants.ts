import { type Outcome, unchanged } from "../changes/change-set.js";
import { type Contact, snapshotOf } from "../contact/contact.types.js";
import { MAX_PARTICIPANTS, type Opportunity } from "../opportunity/opportunity.types.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { DomainError, validationError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import { changeRoles } from "./role-outcome.js";

export type AddParticipantInput = { opportunity: Opportunity; contact: Contact };
export type ParticipantInput = { opportunity: Opportunity; contactId: string };

/**
 * SPEC §4.4: while a marketplace client is hidden (or withheld, for good) the roles wait for
 * the reveal. Nobody can reach the client, and the redaction of our texts (title, brief,
 * timeline) looks for the client among the roles: swapping them out would unmask the name.
 */
const editable = (opportunity: Opportunity, ctx: UseCaseContext): Opportunity => {
  assertInTenant(opportunity, ctx.tenantId);
  assertCanEdit(ctx.actor, opportunity, ctx.settings);
  if (isContactHidden(opportunity)) {
    throw new DomainError(
      "invalid-state",
      "The client is hidden until the marketplace reveals them; the roles change after that.",
    );
  }
  return opportunity;
};

/** SPEC §4.1: another person of the client's side; adding one twice changes nothing. */
export const addParticipant = (
  input: AddParticipantInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const before = editable(input.opportunity, ctx);
  const { contact } = input;
  assertInTenant(contact, ctx.tenantId);
  // One person has one role: the Contact is never also listed among the participants.
  if (contact.id === before.contact.id) throw validationError("contact", "is already the Contact");
  if (before.participants.some((p) => p.id === contact.id)) return unchanged(before);
  if (before.participants.length >= MAX_PARTICIPANTS) {
    throw new DomainError(
      "invalid-state",
      `An opportunity can have at most ${MAX_PARTICIPANTS} participants.`,
    );
  }
  return changeRoles(
    before,
    { participants: [...before.participants, snapshotOf(contact)] },
    { type: "participant-added", contactId: contact.id, name: contact.name },
    ctx,
  );
};

export const removeParticipant = (
  input: ParticipantInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const before = editable(input.opportunity, ctx);
  const removed = before.participants.find((p) => p.id === input.contactId);
  if (removed === undefined) return unchanged(before);
  return changeRoles(
    before,
    { participants: before.participants.filter((p) => p.id !== removed.id) },
    { type: "participant-removed", contactId: removed.id, name: removed.name },
    ctx,
  );
};

/** SPEC §4.1: the participant becomes the Contact and the old Contact takes their place. */
export const promoteParticipant = (
  input: ParticipantInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const before = editable(input.opportunity, ctx);
  const promoted = before.participants.find((p) => p.id === input.contactId);
  if (promoted === undefined)
    throw validationError("contactId", "is not a participant of this opportunity");
  return changeRoles(
    before,
    {
      contact: promoted,
      participants: before.participants.map((p) => (p.id === promoted.id ? before.contact : p)),
    },
    { type: "contact-promoted", contactId: promoted.id, previousContactId: before.contact.id },
    ctx,
  );
};
