import type { IsoDateTime } from "../shared/time.js";

/** Every clock of SPEC §5. */
export type DeadlineKind =
  | "first-contact-target"
  | "first-contact-escalation"
  | "task-due-soon"
  | "task-due"
  | "task-overdue-escalation"
  | "marketplace-reminder"
  | "marketplace-reveal"
  | "offer-expiry"
  /** A CSV import not published by then is abandoned: its staged rows are removed. */
  | "import-expiry"
  /** Re-queues an outbox notification whose queue message was lost (sent after the commit). */
  | "notification-relay";

/**
 * A wake-up hint for the SLA engine. When it fires, the handler re-reads the subject and
 * acts only if the subject is still waiting (`expect` carries what must still hold, e.g.
 * a task's due time, so a rescheduled task ignores its old reminder).
 */
export type Deadline = {
  id: string;
  tenantId: string;
  kind: DeadlineKind;
  subjectId: string;
  dueAt: IsoDateTime;
  expect: string | null;
};

/** What a subject remembers of the deadlines it scheduled, to cancel them exactly. */
export type DeadlineRef = { id: string; kind: DeadlineKind; dueAt: IsoDateTime };

/** Deterministic: the same rule for the same subject and instant is the same deadline. */
export const deadlineId = (kind: DeadlineKind, subjectId: string, dueAt: Date): string =>
  `${kind}~${subjectId}~${dueAt.getTime()}`;

export const refOf = (deadline: Deadline): DeadlineRef => ({
  id: deadline.id,
  kind: deadline.kind,
  dueAt: deadline.dueAt,
});
