import type { MailOutbox } from "../storage/messaging/mail-outbox.js";
import type { Mailer } from "./mailer.js";

/**
 * The local adapter: every mail becomes a row of the outbox (shown at GET /api/dev/outbox),
 * written once per idempotency key.
 */
export const createOutboxMailer = (outbox: MailOutbox, clock: () => Date): Mailer => ({
  send: (message) => outbox.addMail(message, clock()),
});
