/** One email to one person; `idempotencyKey` makes a repeated send (a retried delivery) a no-op. */
export type MailMessage = {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
};

/**
 * How Dealflow sends email (ARCHITECTURE.md): Microsoft Graph `sendMail` in production, an
 * outbox table locally. A send that throws is retried by the caller; one that already
 * happened under the same key does nothing.
 */
export type Mailer = {
  send(message: MailMessage): Promise<void>;
};
