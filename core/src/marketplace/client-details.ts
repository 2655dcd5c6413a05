import type { Contact, ContactSnapshot } from "../contact/contact.types.js";
import { type NewContactFields, newContact } from "../contact/new-contact.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { FieldErrors } from "../shared/validation.js";

/** What an acceptance tells about the client; each field given replaces the stored one. */
export type ClientDetails = Partial<NewContactFields>;

const SNAPSHOT_FIELDS = [
  "name",
  "email",
  "phone",
  "company",
  "linkedinUrl",
  "preferredChannel",
] as const;

/** The contact with the event's fields filled in, validated like a new contact's (`client.*`). */
export const withClientDetails = (
  contact: Contact,
  details: ClientDetails | null | undefined,
  ctx: UseCaseContext,
  errors: FieldErrors,
): Contact => {
  if (details === undefined || details === null) return contact;
  const given = newContact(
    { ...details, name: details.name ?? contact.name },
    "client",
    ctx,
    errors,
  );
  const filled: Partial<ContactSnapshot> = {};
  for (const field of SNAPSHOT_FIELDS) {
    const value = given[field];
    // A field the event leaves out keeps what the application said.
    if (value !== null && value !== contact[field]) Object.assign(filled, { [field]: value });
  }
  return Object.keys(filled).length === 0 ? contact : { ...contact, ...filled };
};
