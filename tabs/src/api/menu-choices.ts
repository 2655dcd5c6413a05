import type { TaskKind, TaskOutcome } from "@dealflow/contract";

// The orders in which the tab's menus offer the contract's unions; the compiler checks that
// each list names every value the server may send (and so has a label for it).

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
