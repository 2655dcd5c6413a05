import { mailHtml } from "../mail/mail-html.js";
import type { Mailer } from "../mail/mailer.js";
import type { SentLog } from "../storage/messaging/graph-sent-log.js";
import type { GraphClient } from "./graph-client.js";

/**
 * The production Mailer: Graph `sendMail` from one shared mailbox of the publisher's tenant
 * (`MAIL_SENDER`) with the app's `Mail.Send` permission, so no seller's mailbox is touched
 * and replies go to a place the team watches. Not saved to Sent Items: the mailbox would
 * fill with one copy per notification; the sent log is the record.
 */
export const createGraphMailer = (deps: {
  graph: GraphClient;
  homeTenantId: string;
  sender: string;
  sent: SentLog;
}): Mailer => ({
  async send(message) {
    if (await deps.sent.has(message.tenantId, message.idempotencyKey)) return;
    await deps.graph.request({
      actor: { kind: "app", tenantId: deps.homeTenantId },
      method: "POST",
      path: `/users/${encodeURIComponent(deps.sender)}/sendMail`,
      body: {
        message: {
          subject: message.subject,
          body: { contentType: "HTML", content: mailHtml(message.text) },
          toRecipients: [{ emailAddress: { address: message.to } }],
        },
        saveToSentItems: false,
      },
    });
    await deps.sent.mark(message.tenantId, message.idempotencyKey);
  },
});
