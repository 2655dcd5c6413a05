import type { MailOutbox } from "../storage/messaging/mail-outbox.js";
import type { Calendar } from "./calendar.js";

/** The local Calendar, like the outbox mailer: one outbox row per idempotency key. */
export const createOutboxCalendar = (outbox: MailOutbox, clock: () => Date): Calendar => ({
  createEvent: (event) => outbox.addEvent(event, clock()),
});
