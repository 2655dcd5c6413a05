import { type EntityChange, unchanged } from "../changes/change-set.js";
import { type Contact, snapshotOf } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, invalidInput, optionalHttpUrl } from "../shared/validation.js";
import { type ClientDetails, withClientDetails } from "./client-details.js";
import type { EventInstant, MarketplaceOutcome } from "./marketplace.types.js";
import { applicationFor, assertNotWithheld } from "./marketplace-guards.js";
import { optionalInstant } from "./optional-instant.js";
import { calendarIntent, revealContact } from "./reveal-contact.js";

export type ClientAcceptedInput = {
  opportunity: Opportunity;
  /** The client's contact record (the opportunity's Contact): the event fills it in. */
  contact: Contact;
  client?: ClientDetails | null;
  meetingAt?: EventInstant | null;
  meetingUrl?: string | null;
};

/**
 * SPEC §4.4 "client accepts": revealed at once with what the marketplace now tells about the
 * client (see revealContact). On a contact already revealed (by the 48 h mark, or a replay)
 * only new details are written; a replayed acceptance writes nothing.
 */
export const clientAccepted = (
  input: ClientAcceptedInput,
  ctx: UseCaseContext,
): MarketplaceOutcome<Opportunity> => {
  const read = input.opportunity;
  const application = applicationFor(read, ctx);
  assertNotWithheld(application);
  assertInTenant(input.contact, ctx.tenantId);
  if (input.contact.id !== read.contact.id) {
    throw new DomainError("invalid-state", "The contact given is not this opportunity's client.");
  }
  const errors: FieldErrors = [];
  const contact = withClientDetails(input.contact, input.client, ctx, errors);
  const meetingAt = optionalInstant(input.meetingAt, "meetingAt", errors);
  const meetingUrl = optionalHttpUrl(input.meetingUrl, "meetingUrl", errors);
  if (errors.length > 0) throw invalidInput(errors, "The acceptance is not valid.");

  const meeting = {
    meetingAt: meetingAt === null ? application.meetingAt : iso(meetingAt),
    meetingUrl: meetingUrl ?? application.meetingUrl,
  };
  const moved = meeting.meetingAt !== application.meetingAt;
  const filled: Opportunity = {
    ...read,
    contact: contact === input.contact ? read.contact : snapshotOf(contact),
    marketplace: { ...application, ...meeting },
    // The marketplace is the source: an address it gives now is where the client is reached.
    ...(input.client?.email ? { sourceEmail: contact.email } : {}),
  };
  const contactChanges: EntityChange[] =
    contact === input.contact
      ? []
      : [
          {
            entity: "contact",
            before: input.contact,
            after: { ...contact, updatedAt: iso(ctx.now) },
          },
        ];

  if (application.visibility === "hidden") {
    const revealed = revealContact(read, filled, false, ctx);
    return { ...revealed, changes: [...contactChanges, ...revealed.changes] };
  }
  const nothingNew =
    contactChanges.length === 0 && !moved && meeting.meetingUrl === application.meetingUrl;
  if (nothingNew) return { ...unchanged(read), intents: [] };
  const after = reviseOpportunity(
    read,
    { contact: filled.contact, marketplace: filled.marketplace },
    ctx,
  );
  return {
    value: after,
    changes: [...contactChanges, opportunityChange(read, after)],
    schedule: [],
    cancel: [],
    intents: moved ? calendarIntent(after, ctx.now) : [],
  };
};
