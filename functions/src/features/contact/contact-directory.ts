import {
  applicationOfContact,
  type Contact,
  isContactHidden,
  isContactReachable,
  type Opportunity,
} from "@dealflow/core";
import type { Store } from "../../storage/store.js";

type DirectoryStore = Pick<Store, "getContact" | "searchContacts" | "getOpportunity">;

/**
 * The tenant's contacts as every record, search and import reaches them (SPEC §4.4): a hidden
 * or withheld marketplace client's contact exists only for its own application. This is the
 * one way the API, the bot and imports look a contact up by id, name or email; the store's
 * raw reads are for the records a contact already belongs to.
 */
export type ContactDirectory = {
  /** The contact, or null when it does not exist or may not be reached through `via`. */
  get(tenantId: string, id: string, via: string | null): Promise<Contact | null>;
  /** Contacts matching a type-ahead query; hidden clients are left out, not redacted. */
  search(tenantId: string, query: string, limit?: number): Promise<Contact[]>;
  /** The contact with exactly this email, as an import or a dedupe would match it. */
  findByEmail(tenantId: string, email: string): Promise<Contact | null>;
  /** The application whose hidden client the contact is now, or null. */
  hidingApplication(tenantId: string, contact: Contact): Promise<Opportunity | null>;
};

export const contactDirectory = (store: DirectoryStore): ContactDirectory => {
  const applicationOf = async (tenantId: string, contact: Contact) => {
    const id = applicationOfContact(contact);
    return id === null ? null : store.getOpportunity(tenantId, id);
  };
  const reachable = async (tenantId: string, contact: Contact, via: string | null) =>
    applicationOfContact(contact) === null ||
    isContactReachable(contact, await applicationOf(tenantId, contact), via);

  const search = async (tenantId: string, query: string, limit = 20) => {
    // A redacted hit for "García" would still tell that a hidden client is called García.
    const found = await store.searchContacts(tenantId, query, limit);
    const kept = await Promise.all(found.map((contact) => reachable(tenantId, contact, null)));
    return found.filter((_, index) => kept[index]);
  };

  return {
    async get(tenantId, id, via) {
      const contact = await store.getContact(tenantId, id);
      return contact !== null && (await reachable(tenantId, contact, via)) ? contact : null;
    },
    search,
    async findByEmail(tenantId, email) {
      const wanted = email.toLowerCase();
      const found = await search(tenantId, email, 20);
      return found.find((contact) => contact.email?.toLowerCase() === wanted) ?? null;
    },
    async hidingApplication(tenantId, contact) {
      const application = await applicationOf(tenantId, contact);
      return application !== null && isContactHidden(application) ? application : null;
    },
  };
};
