import { type Opportunity, redactHiddenContact } from "@dealflow/core";
import type { NotificationChannel } from "../notifications/notification-channel.js";
import type { Store } from "../storage/store.js";
import { type MailFacts, ownerMail } from "./mail-catalog.js";
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

/**
 * SPEC §4.2: the owner is emailed when a lead lands on them and when an opportunity is
 * handed to them. Reads the opportunity and the owner as they are at delivery time (so a
 * reassignment in between mails the current owner), never mails people about their own
 * action, and keys each mail by notification and recipient so a redelivery sends nothing.
 */
export const ownerMailChannel = (deps: { store: Store; mailer: Mailer }): NotificationChannel => ({
  name: "owner-mail",
  async deliver(notification, { log }) {
    if (notification.type !== "activity") return;
    const kind =
      notification.activityType === "created"
        ? "new-lead"
        : notification.activityType === "owner-changed"
          ? "new-owner"
          : null;
    if (kind === null || notification.opportunityId === null) return;
    const opportunity = await deps.store.getOpportunity(
      notification.tenantId,
      notification.opportunityId,
    );
    const ownerId = opportunity?.ownerId ?? null;
    if (opportunity === null || ownerId === null || ownerId === notification.actorId) return;
    const owner = await deps.store.getUser(notification.tenantId, ownerId);
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
