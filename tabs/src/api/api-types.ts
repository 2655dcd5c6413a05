import type {
  FirstContactActionName,
  FirstContactRequest,
  MarketplaceApplication,
  OpportunityListItem,
  TaskKind,
  TaskOutcome,
} from "@dealflow/contract";

// The wire shapes the server's schemas define (contract/): what is not listed here yet is
// still restated below until its route's schema moves to the contract (issue 18, item 2).
export type {
  CompletedTask,
  ContactSnapshot as Contact,
  ContactVisibility,
  MarketplaceApplication,
  Money,
  NewOpportunity,
  NewTask,
  NextTask,
  Note,
  OpportunityPatch,
  OpportunityView,
  Page,
  Task,
  TaskKind,
  TaskOutcome,
  TaskRange,
} from "@dealflow/contract";

/**
 * An opportunity as the tab holds it: the API's answer, and its next task when a list asked
 * for it (`include=nextTask`); the detail's answer is the same without it.
 */
export type Opportunity = OpportunityListItem;

export type Role = "seller" | "manager";

export type Me = { id: string; tenantId: string; name: string; role: Role; locale: string };

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
      action: FirstContactActionName;
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

/** The outcomes in the order the dialog offers them; the compiler checks the list is the contract's. */
export const TASK_OUTCOMES = [
  "potential-consultant",
  "promising",
  "likely",
  "undecided",
  "not-sure-yet",
  "not-interested",
] as const satisfies readonly TaskOutcome[];

export const TASK_KINDS = [
  "first-contact",
  "second-contact",
  "send-proposal",
  "follow-up",
  "call",
  "email",
  "meeting",
  "other",
] as const satisfies readonly TaskKind[];

/**
 * `true` when `Listed` names every value of `All`, else the values it misses: a menu's list
 * declared as `const every…: Unlisted<ServerUnion, Listed> = true` fails to build when the
 * server adds a value the tab does not offer (and has no label for).
 */
export type Unlisted<All, Listed> =
  Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;

const everyOutcome: Unlisted<TaskOutcome, (typeof TASK_OUTCOMES)[number]> = true;
const everyKind: Unlisted<TaskKind, (typeof TASK_KINDS)[number]> = true;
void everyOutcome;
void everyKind;

/**
 * What the queue's three dialogs send: the contract's one flat body, narrowed to the fields
 * each action fills (the dialog offers 24, 48 or 72 hours; a discard always has a reason).
 */
export type FirstContactAction = FirstContactRequest &
  (
    | {
        action: "ready-for-proposal";
        needs: string | null;
        budget: string | null;
        timing: string | null;
        notes: string | null;
      }
    | { action: "second-contact"; delayHours: 24 | 48 | 72 }
    | { action: "discard"; reason: string; notes: string | null }
  );

export type DevUser = { id: string; name: string; email: string; role: Role };
