/** A meeting to put into one user's calendar (docs/marketplace.md, `calendar-event` intents). */
export type CalendarEvent = {
  tenantId: string;
  /** The owner: their Entra object id, which is Dealflow's user id (ARCHITECTURE.md). */
  userId: string;
  subject: string;
  /** ISO instants; written to the calendar in UTC, Outlook shows them in the user's zone. */
  startsAt: string;
  endsAt: string;
  /** The online meeting's join link (Teams, Zoom, …) when known. */
  meetingUrl: string | null;
  /** Plain text for the event body (escaped into HTML by the Graph adapter). */
  text: string;
  /** The intent id: a repeated request creates nothing more. */
  idempotencyKey: string;
};

/**
 * How Dealflow writes to calendars: Graph in production (application permission
 * `Calendars.ReadWrite` in the customer's tenant), an outbox table locally. Throws to ask for
 * a retry; a key already done does nothing.
 */
export type Calendar = {
  createEvent(event: CalendarEvent): Promise<void>;
};

/** Marketplace meetings have a start only; this is the length given to the calendar entry. */
export const DEFAULT_MEETING_MINUTES = 60;
