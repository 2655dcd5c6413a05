import { createHash } from "node:crypto";
import type { TableEntity } from "@azure/data-tables";
import { keyPart, odataString, prefixRange } from "../keys.js";
import { prefixOf, rowKeyOf } from "../row-kinds.js";
import { statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/** A mail of the local outbox: what the mailer was asked to send, and when. */
export type OutboxMail = {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
  createdAt: string;
};

/** A calendar event of the local outbox. */
export type OutboxEvent = {
  tenantId: string;
  userId: string;
  subject: string;
  startsAt: string;
  endsAt: string;
  meetingUrl: string | null;
  text: string;
  idempotencyKey: string;
  createdAt: string;
};

/** The RowKey from the idempotency key: a repeat finds the row and is "already done". */
const hashed = (idempotencyKey: string) =>
  createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);

/** `RowKey` range of a kind, in every partition or in one tenant's. */
const rangeOf = (prefix: string, tenantId: string | null) => {
  const { from, to } = prefixRange(prefix);
  const range = `RowKey ge ${odataString(from)} and RowKey lt ${odataString(to)}`;
  return tenantId === null
    ? range
    : `PartitionKey eq ${odataString(keyPart(tenantId, "tenantId"))} and ${range}`;
};

/**
 * The local mailer's and calendar's rows (`mail|`, `event|` in the tenant's partition), which
 * the dev outbox shows: creating the row is sending, and "already exists" means this key was
 * done before, which is success.
 */
export const createMailOutbox = (storage: TableStorage) => {
  const table = () => storage.table("tenantData");
  const create = async (entity: TableEntity) => {
    try {
      await table().createEntity(entity);
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  };
  return {
    addMail: (mail: Omit<OutboxMail, "createdAt">, at: Date) =>
      create({
        partitionKey: keyPart(mail.tenantId, "tenantId"),
        rowKey: rowKeyOf("outboxMail", hashed(mail.idempotencyKey)),
        kind: "mail",
        ...mail,
        createdAt: at.toISOString(),
      }),

    /** The mails, newest first: one tenant's, or (dev, no tenant named) every tenant's. */
    async listMails(tenantId: string | null, limit = 200): Promise<OutboxMail[]> {
      const mails: OutboxMail[] = [];
      const rows = table().listEntities<OutboxMail>({
        queryOptions: { filter: rangeOf(prefixOf("outboxMail"), tenantId) },
      });
      for await (const row of rows) {
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
    },

    addEvent: (event: Omit<OutboxEvent, "createdAt">, at: Date) =>
      create({
        partitionKey: keyPart(event.tenantId, "tenantId"),
        rowKey: rowKeyOf("outboxEvent", hashed(event.idempotencyKey)),
        kind: "calendar-event",
        ...event,
        createdAt: at.toISOString(),
      }),

    /** One tenant's events, soonest first (for the dev outbox and tests). */
    async listEvents(tenantId: string): Promise<OutboxEvent[]> {
      const events: OutboxEvent[] = [];
      const rows = table().listEntities<OutboxEvent>({
        queryOptions: { filter: rangeOf(prefixOf("outboxEvent"), tenantId) },
      });
      for await (const row of rows) {
        events.push({
          tenantId: row.tenantId,
          userId: row.userId,
          subject: row.subject,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          meetingUrl: row.meetingUrl ?? null,
          text: row.text,
          idempotencyKey: row.idempotencyKey,
          createdAt: row.createdAt,
        });
      }
      return events.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    },
  };
};

export type MailOutbox = ReturnType<typeof createMailOutbox>;
