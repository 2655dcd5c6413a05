import { z } from "zod";

/**
 * The bodies a marketplace connector posts (SPEC §6), one per event type. The shapes are
 * checked here; the rules (URLs, phones, instants with an offset, lengths) are the core use
 * cases', which name the field the same way (`client.email`, `meetingAt`).
 */
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const optional = (max: number) => text(max).nullish();
/** An ISO-8601 instant with an offset; the core checks it names one moment. */
const instant = text(40);

/** A connector key as settings.marketplaces allows it; anything else names no connector. */
export const connectorKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);

/** POST /api/marketplace/{connectorKey}/events. */
export const connectorEventParams = z.object({ connectorKey: connectorKeySchema });

/** The marketplace's own id of this event: a replay carries the same one. */
export const EVENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const clientFields = {
  email: optional(254),
  phone: optional(40),
  company: optional(200),
  linkedinUrl: optional(2048),
  preferredChannel: z.enum(["email", "phone", "teams-meeting", "other"]).nullish(),
};

const base = {
  id: z
    .string()
    .regex(EVENT_ID, "must be 1–128 letters, digits, dots, dashes, colons or underscores"),
  applicationId: text(160).min(1, "must not be empty"),
};

const applicationSubmitted = z.object({
  ...base,
  type: z.literal("application-submitted"),
  appliedAt: instant.nullish(),
  title: optional(200),
  brief: optional(10_000),
  client: z.object({ name: text(200), ...clientFields }),
  fee: z.object({ amount: z.number().finite(), currency: text(3) }).nullish(),
  meetingAt: instant.nullish(),
  meetingUrl: optional(2048),
  ownerId: optional(128),
});

const clientAccepted = z.object({
  ...base,
  type: z.literal("client-accepted"),
  client: z.object({ name: optional(200), ...clientFields }).nullish(),
  meetingAt: instant.nullish(),
  meetingUrl: optional(2048),
});

const clientDeclined = z.object({
  ...base,
  type: z.literal("client-declined"),
  declinedAt: instant.nullish(),
});

const meetingScheduled = z.object({
  ...base,
  type: z.literal("meeting-scheduled"),
  meetingAt: instant,
  meetingUrl: optional(2048),
});

const meetingHeld = z.object({ ...base, type: z.literal("meeting-held") });

/**
 * SPEC §4.5/§6: a client asked the marketplace for a project; the team routes it to its
 * partners. `applicationId` is the request's id on the marketplace. The client contacted the
 * marketplace openly, so (unlike an application) nothing is hidden.
 */
const requestReceived = z.object({
  ...base,
  type: z.literal("request-received"),
  receivedAt: instant.nullish(),
  title: optional(200),
  brief: optional(10_000),
  client: z.object({ name: text(200), ...clientFields }),
  criteria: z
    .object({
      service: optional(100),
      country: optional(60),
      language: optional(35),
      type: z.enum(["agency", "freelancer", "internal"]).nullish(),
      level: z.enum(["none", "silver", "gold", "platinum"]).nullish(),
    })
    .nullish(),
});

export const connectorEventSchema = z.discriminatedUnion("type", [
  applicationSubmitted,
  clientAccepted,
  clientDeclined,
  meetingScheduled,
  meetingHeld,
  requestReceived,
]);

export type ConnectorEvent = z.infer<typeof connectorEventSchema>;
export type ConnectorEventType = ConnectorEvent["type"];

/** What every event is answered with, the first time and on each replay. */
export const eventAnswerSchema = z.object({
  eventId: z.string(),
  opportunityId: z.string(),
  visibility: z.enum(["hidden", "revealed", "withheld"]),
  /** false when the event changed nothing (a repeat of what is already recorded). */
  changed: z.boolean(),
  /** true when this answer is a replay of an event id already received. */
  replayed: z.boolean(),
});

export type EventAnswer = z.infer<typeof eventAnswerSchema>;

/**
 * POST /api/opportunities/{id}/marketplace-outcome: what the client did, recorded by hand by
 * the owner or a manager (SPEC §4.4 "or manual entry"), with the connector's rules and refunds.
 */
export const marketplaceOutcomeBody = z.strictObject({
  outcome: z.enum(["client-accepted", "client-declined", "meeting-held"], {
    error: "must be one of: client-accepted, client-declined, meeting-held",
  }),
});

export type MarketplaceOutcomeRequest = z.input<typeof marketplaceOutcomeBody>;
