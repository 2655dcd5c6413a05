import type {
  FirstContactRequest,
  OpportunityListItem,
  TaskKind,
  TaskOutcome,
} from "@dealflow/contract";

// The wire shapes the server's schemas define (contract/): what is not listed here yet is
// still restated below until its route's schema moves to the contract (issue 18, item 2).
export type {
  Activity,
  ActivityDetails,
  ActivityType,
  CompletedTask,
  ContactSnapshot as Contact,
  ContactVisibility,
  DevUser,
  Durations,
  Labelled,
  MarketplaceApplication,
  MarketplaceConnector,
  Me,
  Money,
  NewOpportunity,
  NewTask,
  NextTask,
  Note,
  OpportunityPatch,
  OpportunityView,
  Page,
  Pipeline,
  Role,
  /** GET /api/settings: the manager's whole document or the seller's part of it. */
  SettingsAnswer as Settings,
  Stage,
  Task,
  TaskKind,
  TaskOutcome,
  TaskRange,
  UserSummary,
} from "@dealflow/contract";

/**
 * An opportunity as the tab holds it: the API's answer, and its next task when a list asked
 * for it (`include=nextTask`); the detail's answer is the same without it.
 */
export type Opportunity = OpportunityListItem;

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
