import { createHash } from "node:crypto";
import { keyPart, odataString } from "../storage/keys.js";
import { statusOf } from "../storage/storage-errors.js";
import type { TableStorage } from "../storage/table-storage.js";
import type { Calendar, CalendarEvent } from "./calendar.js";

/** Event rows share the tenant's partition, beside the outbox mails (`mail|…`). */
const EVENT_PREFIX = "event|";

export type OutboxEvent = CalendarEvent & { createdAt: string };

const rowKeyOf = (idempotencyKey: string) =>
  EVENT_PREFIX + createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);

/**
 * The local Calendar, like the outbox mailer: creating the row is creating the event, and
 * "already exists" means this key was done before, which is success.
 */
export const createOutboxCalendar = (storage: TableStorage, clock: () => Date): Calendar => ({
  async createEvent(event) {
    try {
      await storage.table("tenantData").createEntity({
        partitionKey: keyPart(event.tenantId, "tenantId"),
        rowKey: rowKeyOf(event.idempotencyKey),
        kind: "calendar-event",
        ...event,
        createdAt: clock().toISOString(),
      });
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  },
});

/** One tenant's outbox events, soonest first (for the dev outbox and tests). */
export const listOutboxEvents = async (
  storage: TableStorage,
  tenantId: string,
): Promise<OutboxEvent[]> => {
  const filter = `PartitionKey eq ${odataString(keyPart(tenantId, "tenantId"))} and RowKey ge ${odataString(EVENT_PREFIX)} and RowKey lt ${odataString(`${EVENT_PREFIX}~`)}`;
  const events: OutboxEvent[] = [];
  for await (const row of storage
    .table("tenantData")
    .listEntities<OutboxEvent>({ queryOptions: { filter } })) {
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
};
