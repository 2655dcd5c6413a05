import { isContactHidden, reviewLinkState } from "@dealflow/core";
import type { Mailer } from "../../mail/mailer.js";
import { reviewRequestMail } from "../../mail/review-mail.js";
import type { NotificationChannel } from "../../notifications/notification-channel.js";
import type { Store } from "../../storage/store.js";
import { reviewLinkUrl } from "./review-links.js";

/**
 * SPEC §4.5: mails the Contact of a won, routed opportunity a signed link to review the target.
 * Reads everything at delivery time (the tenant's language, the names as they are now) but the
 * address, which is the one the lead's source gave; skips a link already used or expired and a
 * client hidden again, and keys the mail by the request so a redelivery sends nothing more.
 */
export const reviewRequestChannel = (deps: {
  store: Store;
  mailer: Mailer;
  publicBaseUrl: string;
}): NotificationChannel => ({
  name: "review-mail",
  async deliver(notification, { now, log }) {
    if (notification.type !== "review-request") return;
    const { store } = deps;
    const { tenantId } = notification;
    const link = await store.getReviewLink(tenantId, notification.id);
    if (link === null || reviewLinkState(link, now) !== "open") {
      log(`review-mail: no open link for ${notification.id}; skipped`);
      return;
    }
    const [opportunity, contact, target, settings] = await Promise.all([
      store.getOpportunity(tenantId, link.opportunityId),
      store.getContact(tenantId, link.contactId),
      store.getRoutingTarget(tenantId, link.targetId),
      store.getSettings(tenantId),
    ]);
    if (opportunity === null || target === null || isContactHidden(opportunity)) {
      log(`review-mail: ${link.opportunityId} cannot be reviewed now; skipped`);
      return;
    }
    // Where the source said the client is, not the Contact's address as edited since: the
    // rated target's own users can edit that one and would rate themselves.
    const email = opportunity.sourceEmail ?? null;
    if (email === null) {
      log(`review-mail: the source gave no email for ${link.opportunityId}; skipped`);
      return;
    }
    const { subject, text } = reviewRequestMail(
      {
        contactName: contact?.name ?? opportunity.contact.name,
        targetName: target.name,
        projectTitle: opportunity.title,
        url: await reviewLinkUrl(store, deps.publicBaseUrl, link),
        expiresAt: new Date(link.expiresAt),
        timeZone: settings.timeZone,
      },
      settings.locale,
    );
    await deps.mailer.send({ tenantId, to: email, subject, text, idempotencyKey: link.id });
  },
});
