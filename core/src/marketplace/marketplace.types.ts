import type { Outcome } from "../changes/change-set.js";
import type { NewContactFields } from "../contact/new-contact.js";
import type { Money } from "../opportunity/opportunity.types.js";
import type { IsoDateTime } from "../shared/time.js";

/**
 * What the infrastructure must do beyond the records (SPEC §4.4), decided with the change and
 * executed after it commits. An intent names its subject, never the client's data: the
 * executor re-reads the opportunity, so nothing hidden travels in it. `id` is deterministic:
 * a replayed event produces the same id and the executor does it once.
 */
export type MarketplaceIntent =
  /** Put the meeting in the owner's calendar (Graph, when configured); update it if it moved. */
  {
    type: "calendar-event";
    id: string;
    opportunityId: string;
    userId: string;
    startsAt: IsoDateTime;
  };

export type MarketplaceOutcome<T> = Outcome<T> & { intents: MarketplaceIntent[] };

/** Why a declined application's fee is not refunded. */
export type RefundReason =
  /** A meeting with the client is recorded as held. */
  | "meeting-held"
  /** The client declined at or after the scheduled meeting time. */
  | "declined-after-meeting-time"
  /** The contact had already been revealed (accepted or 48 h passed): the fee bought it. */
  | "declined-after-reveal";

/** An instant as a marketplace sends it; an explicit offset is required (see parseInstant). */
export type EventInstant = Date | IsoDateTime;

/** SPEC §6 "application submitted": the team applied to a client's brief on a marketplace. */
export type ApplicationSubmitted = {
  connectorKey: string;
  /** The marketplace's id of the application: replays are found by it (see applicationExternalId). */
  applicationId: string;
  /** When the team applied; the 24 h and 48 h marks count from here. Defaults to now. */
  appliedAt?: EventInstant | null;
  /** The project's title; defaults to the brief's first line, else the marketplace's name. */
  title?: string | null;
  brief?: string | null;
  /** The client, hidden until they accept or the reveal mark passes. */
  client: NewContactFields;
  fee?: Money | null;
  meetingAt?: EventInstant | null;
  meetingUrl?: string | null;
  /** The seller who applied, when the connector knows them; else unassigned. */
  ownerId?: string | null;
};
