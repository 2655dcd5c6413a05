import type { Classification } from "../contact/contact.types.js";
import type { IsoDateTime } from "../shared/time.js";
import type { DeadlineRef } from "../sla/deadline.types.js";

export type TaskKind =
  | "first-contact"
  | "second-contact"
  | "send-proposal"
  | "follow-up"
  | "call"
  | "email"
  | "meeting"
  | "other";

export const TASK_KINDS: readonly TaskKind[] = [
  "first-contact",
  "second-contact",
  "send-proposal",
  "follow-up",
  "call",
  "email",
  "meeting",
  "other",
];

export type TaskStatus = "open" | "done" | "cancelled";

/** "How did it go?" (SPEC §4.3): the four classifications plus two plain outcomes. */
export type TaskOutcome = Classification | "not-sure-yet" | "not-interested";

/** Which rule created a task: lets a later classification replace an earlier follow-up. */
export type TaskOrigin =
  | "manual"
  | "intake"
  | "ready-for-proposal"
  | "second-contact"
  | "classification"
  | "not-sure-yet"
  | "marketplace";

export type Task = {
  tenantId: string;
  id: string;
  kind: TaskKind;
  title: string;
  ownerId: string;
  dueAt: IsoDateTime;
  opportunityId: string | null;
  contactId: string | null;
  status: TaskStatus;
  outcome: TaskOutcome | null;
  origin: TaskOrigin;
  createdAt: IsoDateTime;
  createdBy: string | null;
  completedAt: IsoDateTime | null;
  deadlines: DeadlineRef[];
  version?: string;
};
