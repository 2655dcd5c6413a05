import { createHash } from "node:crypto";
import { mailHtml } from "../mail/mail-html.js";
import type { SentLog } from "../storage/messaging/graph-sent-log.js";
import type { Calendar } from "./calendar.js";
import type { GraphClient } from "./graph-client.js";

/** Graph wants a local time and a zone name; "UTC" with the Z dropped is the instant itself. */
const utc = (instant: string) => ({
  dateTime: new Date(instant).toISOString().replace("Z", ""),
  timeZone: "UTC",
});

/**
 * Graph's `transactionId` makes a retried POST return the event it already created; a
 * GUID-shaped digest of the intent id keeps it stable across processes and redeliveries.
 */
export const transactionIdOf = (idempotencyKey: string): string => {
  const hex = createHash("sha256").update(idempotencyKey).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/**
 * The production Calendar: an event in the owner's own calendar of the customer's tenant
 * (client credentials at that tenant's authority: a timer or webhook has no user token).
 */
export const createGraphCalendar = (deps: { graph: GraphClient; sent: SentLog }): Calendar => ({
  async createEvent(event) {
    if (await deps.sent.has(event.tenantId, event.idempotencyKey)) return;
    const location =
      event.meetingUrl === null
        ? {}
        : { location: { displayName: event.meetingUrl, locationUri: event.meetingUrl } };
    const link = event.meetingUrl === null ? "" : `\n\n${event.meetingUrl}`;
    await deps.graph.request({
      actor: { kind: "app", tenantId: event.tenantId },
      method: "POST",
      path: `/users/${encodeURIComponent(event.userId)}/events`,
      body: {
        subject: event.subject,
        body: { contentType: "HTML", content: mailHtml(`${event.text}${link}`) },
        start: utc(event.startsAt),
        end: utc(event.endsAt),
        ...location,
        isReminderOn: true,
        reminderMinutesBeforeStart: 15,
        transactionId: transactionIdOf(event.idempotencyKey),
      },
    });
    await deps.sent.mark(event.tenantId, event.idempotencyKey);
  },
});
