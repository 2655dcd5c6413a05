import type { IsoDateTime } from "../shared/time.js";

export type PreferredChannel = "email" | "phone" | "teams-meeting" | "other";

/** How promising a contact is (SPEC §4.3). */
export type Classification = "potential-consultant" | "promising" | "likely" | "undecided";

export const CLASSIFICATIONS: readonly Classification[] = [
  "potential-consultant",
  "promising",
  "likely",
  "undecided",
];

/** An external person: reached by email or phone, never signs in. */
export type Contact = {
  tenantId: string;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  linkedinUrl: string | null;
  preferredChannel: PreferredChannel | null;
  classification: Classification | null;
  tags: string[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /**
   * The marketplace opportunity this contact is the client of (set when an application
   * creates it). While that opportunity hides its client, the contact belongs to it alone
   * (SPEC §4.4). Absent or null: an ordinary contact.
   */
  clientOf?: string | null;
  /** Opaque version (ETag) read with the record; a write must match it. */
  version?: string;
};

/** The fields of a contact copied onto an opportunity so list views need no join. */
export type ContactSnapshot = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  linkedinUrl: string | null;
  preferredChannel: PreferredChannel | null;
};

/** Just the snapshot fields, of a contact or of a snapshot carrying more. */
export const snapshotOf = (contact: ContactSnapshot): ContactSnapshot => ({
  id: contact.id,
  name: contact.name,
  email: contact.email,
  phone: contact.phone,
  company: contact.company,
  linkedinUrl: contact.linkedinUrl,
  preferredChannel: contact.preferredChannel,
});
