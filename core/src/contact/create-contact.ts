import type { Outcome } from "../changes/change-set.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, throwIfInvalid } from "../shared/validation.js";
import type { Contact } from "./contact.types.js";
import { type NewContactFields, newContact } from "./new-contact.js";

/**
 * SPEC §4.1: a person added by hand (the CFO who joined the call, a referral's contact), by any
 * signed-in user: contacts are the tenant's, as the ones intake and imports create. The fields
 * follow the same rules as a lead's contact; a 400 names each bad one (`email`, `phone`).
 */
export const createContact = (fields: NewContactFields, ctx: UseCaseContext): Outcome<Contact> => {
  const errors: FieldErrors = [];
  const contact = newContact(fields, "", ctx, errors);
  throwIfInvalid(
    errors.map((error) => ({ ...error, path: error.path.replace(/^\./, "") })),
    "The contact is not valid.",
  );
  return {
    value: contact,
    changes: [{ entity: "contact", before: null, after: contact }],
    schedule: [],
    cancel: [],
  };
};
