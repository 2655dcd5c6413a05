import { type Opportunity, redactHiddenContact } from "@dealflow/core";
import type { NotificationChannel } from "../notifications/notification-channel.js";
import type { Store } from "../storage/store.js";
import { type MailFacts, type OwnerMailKind, ownerMail } from "./mail-catalog.js";
import type { Mailer } from "./mailer.js";

const factsOf = (opportunity: Opportunity): MailFacts => {
  // SPEC §4.4: a hidden marketplace client is redacted in mail as everywhere else.
  const shown = redactHiddenContact(opportunity);
  return {
    title: shown.title,
    contactName: shown.contact.name,
    email: shown.contact.email,
    phone: shown.contact.phone,
    company: shown.contact.company,
    source: shown.source,
    campaign: shown.campaign,
  };
};

/** The timeline lines the owner is mailed about, and which mail. */
const MAILED: Partial<Record<string, OwnerMailKind>> = {
  created: "new-lead",
  "owner-changed": "new-owner",
  // SPEC §4.4: a marketplace client's reaction is the owner's business; hidden, they could not
  // act before, and a decline closes or refunds what they work on.
  "contact-revealed": "client-revealed",
  "contact-withheld": "client-declined",
  "client-declined": "client-declined",
};

/**
 * SPEC §4.2: the owner is emailed when a lead lands on them and when an opportunity is
 * handed to them; SPEC §4.4: when a marketplace client accepts (is revealed) or declines. Reads the opportunity and the owner as they are at delivery time (so a
 * reassignment in between mails the current owner), never mails people about their own
 * action, and keys each mail by notification and recipient so a redelivery sends nothing.
 */
export const ownerMailChannel = (deps: { store: Store; mailer: Mailer }): NotificationChannel => ({
  name: "owner-mail",
  async deliver(notification, { log, reads: read }) {
    if (notification.type !== "activity") return;
    const kind: OwnerMailKind | null = MAILED[notification.activityType] ?? null;
    if (kind === null || notification.opportunityId === null) return;
    const opportunity = await read.opportunity(notification.opportunityId);
    const ownerId = opportunity?.ownerId ?? null;
    if (opportunity === null || ownerId === null || ownerId === notification.actorId) return;
    const owner = await read.user(ownerId);
    if (owner === null || !owner.active || owner.email === null) {
      log(`owner-mail: ${ownerId} has no address to mail; skipped ${notification.id}`);
      return;
    }
    const { subject, text } = ownerMail(kind, factsOf(opportunity), owner.locale);
    await deps.mailer.send({
      tenantId: notification.tenantId,
      to: owner.email,
      subject,
      text,
      idempotencyKey: `${notification.id}|${owner.id}`,
    });
  },
});
