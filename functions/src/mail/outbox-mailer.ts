import { createHash } from "node:crypto";
import { keyPart, odataString } from "../storage/keys.js";
import { statusOf } from "../storage/storage-errors.js";
import type { TableStorage } from "../storage/table-storage.js";
import type { Mailer, MailMessage } from "./mailer.js";

/** Mail rows share the tenant's partition; the RowKey is derived from the idempotency key. */
const MAIL_PREFIX = "mail|";

export type OutboxMail = MailMessage & { createdAt: string };

const rowKeyOf = (idempotencyKey: string) =>
  MAIL_PREFIX + createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);

/**
 * The local adapter: every mail becomes a row (shown at GET /api/dev/outbox). Creating the
 * row is sending; "already exists" means this key was sent before, which is success.
 */
export const createOutboxMailer = (storage: TableStorage, clock: () => Date): Mailer => ({
  async send(message) {
    try {
      await storage.table("tenantData").createEntity({
        partitionKey: keyPart(message.tenantId, "tenantId"),
        rowKey: rowKeyOf(message.idempotencyKey),
        kind: "mail",
        ...message,
        createdAt: clock().toISOString(),
      });
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  },
});

/** The outbox's mails, newest first: one tenant's, or (dev, no tenant named) every tenant's. */
export const listOutboxMails = async (
  storage: TableStorage,
  tenantId: string | null,
  limit = 200,
): Promise<OutboxMail[]> => {
  const range = `RowKey ge ${odataString(MAIL_PREFIX)} and RowKey lt ${odataString(`${MAIL_PREFIX}~`)}`;
  const filter =
    tenantId === null
      ? range
      : `PartitionKey eq ${odataString(keyPart(tenantId, "tenantId"))} and ${range}`;
  const mails: OutboxMail[] = [];
  for await (const row of storage
    .table("tenantData")
    .listEntities<OutboxMail>({ queryOptions: { filter } })) {
    mails.push({
      tenantId: row.tenantId,
      to: row.to,
      subject: row.subject,
      text: row.text,
      idempotencyKey: row.idempotencyKey,
      createdAt: row.createdAt,
    });
    if (mails.length >= 5 * limit) break;
  }
  return mails.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
};
