import type { Contact } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { isContactHidden } from "./redact-hidden-contact.js";

/** The marketplace opportunity whose client the contact is, or null for an ordinary contact. */
export const applicationOfContact = (contact: Pick<Contact, "clientOf">): string | null =>
  contact.clientOf ?? null;

/**
 * SPEC §4.4: until the reveal a hidden (or withheld) client's contact belongs to its
 * application alone. Reached from anywhere else (another opportunity, a search, an import's
 * match by email, its own profile by id) it is as unknown as a contact that does not exist, so
 * nobody can attach it elsewhere and read it back unredacted.
 * `application` is the opportunity `clientOf` names (null if it is gone); `via` the
 * opportunity the request comes through, or null when it comes through none.
 */
export const isContactReachable = (
  contact: Pick<Contact, "clientOf">,
  application: Pick<Opportunity, "id" | "marketplace"> | null,
  via: string | null,
): boolean => {
  const applicationId = applicationOfContact(contact);
  if (applicationId === null || applicationId === via) return true;
  return application === null || application.id !== applicationId || !isContactHidden(application);
};
