export type Role = "seller" | "manager";

export type Me = { id: string; tenantId: string; name: string; role: Role; locale: string };

export type Contact = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  linkedinUrl: string | null;
  preferredChannel: string | null;
};

export type Opportunity = {
  id: string;
  title: string;
  pipelineId?: string;
  stage: string;
  status: "open" | "won" | "lost" | "discarded";
  receivedAt: string;
  ownerId: string;
  source: string;
  campaign: string | null;
  contact: Contact;
  participants: Contact[];
  followers: string[];
  tags: string[];
  value: { amount: number; currency: string } | null;
  /** Set for marketplace applications (SPEC §4.4); the server redacts the client while hidden. */
  marketplace?: MarketplaceApplication | null;
  /** When anything about the opportunity itself last changed (stage, owner, roles, details). */
  updatedAt?: string;
  /** `awaiting` while in the first-contact queue: only then does a list show its waiting clock. */
  firstContact?: { state: "awaiting" | "second-contact" | "done"; recordedAt: string | null };
  /** The owner's next open task; lists ask for it (`include=nextTask`), queues do not. */
  nextTask?: NextTask | null;
};

export type NextTask = { id: string; kind: TaskKind; title: string; dueAt: string };

export type Money = { amount: number; currency: string };

export type ContactVisibility = "hidden" | "revealed" | "withheld";

/** The application's state as the API answers it (functions' opportunity.schema.ts). */
export type MarketplaceApplication = {
  connectorKey: string;
  visibility: ContactVisibility;
  appliedAt: string;
  brief: string | null;
  meetingAt: string | null;
  /** Always null while the client is hidden or withheld. */
  meetingUrl: string | null;
  meetingHeld: boolean;
  fee: Money | null;
  refund: "none" | "eligible" | "not-eligible";
  refundReason: string | null;
  revealedAt: string | null;
  /** While the client is hidden: when they are reminded, from the marketplace's durations. */
  reminderAt?: string | null;
  /** While the client is hidden: when they are revealed automatically. */
  revealAt?: string | null;
};

/** A marketplace connector as managers read it in the settings (sellers do not get them). */
export type MarketplaceConnector = {
  key: string;
  name: string;
  reminderMinutes: number;
  revealMinutes: number;
};

export type UserSummary = {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  active: boolean;
};

/** A refund decision as core states it on the opportunity and on the timeline. */
type RefundState = MarketplaceApplication["refund"];

/** A contact's classification: the task outcomes that classify (detail-api's Classification). */
type Classification = Exclude<TaskOutcome, "not-sure-yet" | "not-interested">;

/**
 * What a timeline line says, one variant per `type` (core's ActivityDetails, as the API sends
 * it: a hidden client's name and our texts naming them arrive redacted). A server newer than
 * this tab may send a type not listed here: readers fall back to a neutral line.
 */
export type ActivityDetails =
  | { type: "created"; source: string; campaign: string | null }
  | {
      type: "first-contact";
      action: FirstContactAction["action"];
      /** The discard reason's id (settings' discardReasons); null unless discarded. */
      reason: string | null;
    }
  /** Stage ids of the opportunity's pipeline. */
  | { type: "stage-changed"; from: string; to: string }
  | { type: "owner-changed"; from: string | null; to: string }
  /** Names the edited fields, not their values. */
  | { type: "details-changed"; fields: ("title" | "value" | "tags" | "campaign")[] }
  | { type: "follower-added"; userId: string }
  | { type: "follower-removed"; userId: string }
  | { type: "participant-added"; contactId: string; name: string }
  | { type: "participant-removed"; contactId: string; name: string }
  | { type: "contact-promoted"; contactId: string; previousContactId: string }
  | { type: "note-added"; noteId: string; excerpt: string }
  | { type: "task-created"; taskId: string; kind: TaskKind; title: string; dueAt: string }
  | { type: "task-rescheduled"; taskId: string; from: string; to: string }
  | { type: "task-completed"; taskId: string; title: string; outcome: TaskOutcome | null }
  | { type: "task-cancelled"; taskId: string; title: string }
  | {
      type: "classification";
      contactId: string;
      from: Classification | null;
      to: Classification | null;
    }
  | { type: "contact-revealed"; automatic: boolean }
  /** The client declined while hidden; `refundReason` says why a refund is not due. */
  | { type: "contact-withheld"; refund: RefundState; refundReason: string | null }
  | { type: "client-reminded" }
  /** The client declined after the reveal: the contact stays revealed, the refund is decided. */
  | { type: "client-declined"; refund: RefundState; refundReason: string | null };

export type ActivityType = ActivityDetails["type"];

export type Activity = {
  id: string;
  opportunityId: string;
  at: string;
  /** null when the system did it (intake, a timer, the marketplace). */
  actorId: string | null;
} & ActivityDetails;

export type Stage = { id: string; name: string };
export type Pipeline = { id: string; name: string; stages: Stage[] };

export type OpportunityView = "first-contact" | "second-contact" | "mine" | "following" | "all";

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Labelled = { id: string; label: string };

export type Durations = {
  firstContactTargetMinutes: number;
  firstContactEscalationMinutes: number;
  secondContactDelayMinutes: number;
  proposalDelayMinutes: number;
};

export type Settings = {
  durations: Durations;
  discardReasons: Labelled[];
  sources: Labelled[];
  timeZone: string;
  locale: string;
  pipelines?: Pipeline[];
  /** Managers only (GET /api/settings gives sellers no connectors). */
  marketplaces?: MarketplaceConnector[];
};

export type Note = { id: string; text: string; authorId: string | null; createdAt: string };

export type TaskRange = "overdue" | "today" | "upcoming";

export type Task = {
  id: string;
  kind: string;
  title: string;
  ownerId: string;
  dueAt: string;
  status: string;
  opportunityId: string | null;
  opportunity: { id: string; title: string; contactName: string } | null;
};

export const TASK_OUTCOMES = [
  "potential-consultant",
  "promising",
  "likely",
  "undecided",
  "not-sure-yet",
  "not-interested",
] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

export const TASK_KINDS = [
  "first-contact",
  "second-contact",
  "send-proposal",
  "follow-up",
  "call",
  "email",
  "meeting",
  "other",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type FirstContactAction =
  | {
      action: "ready-for-proposal";
      needs: string | null;
      budget: string | null;
      timing: string | null;
      notes: string | null;
    }
  | { action: "second-contact"; delayHours: 24 | 48 | 72 }
  | { action: "discard"; reason: string; notes: string | null };

export type NewOpportunity = {
  contact: { name: string; email?: string; phone?: string; company?: string };
  source: string;
  campaign?: string;
  ownerId?: string;
  nextTask?: { kind: TaskKind; dueAt: string };
};

export type DevUser = { id: string; name: string; email: string; role: Role };
