import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { Settings } from "../settings/settings.js";
import { addMinutes, iso, parseIso } from "../shared/time.js";
import {
  type Deadline,
  type DeadlineKind,
  type DeadlineRef,
  deadlineId,
} from "./deadline.types.js";

export const FIRST_CONTACT_DEADLINE_KINDS: readonly DeadlineKind[] = [
  "first-contact-target",
  "first-contact-escalation",
];

export const isFirstContactDeadline = (ref: DeadlineRef): boolean =>
  FIRST_CONTACT_DEADLINE_KINDS.includes(ref.kind);

/**
 * When the first-contact clock starts: at reception, or for a marketplace lead whose client
 * was hidden, at the reveal (nobody can contact a client they cannot see).
 */
export const firstContactClockStart = (
  opportunity: Pick<Opportunity, "receivedAt"> & { marketplace?: Opportunity["marketplace"] },
): string => opportunity.marketplace?.revealedAt ?? opportunity.receivedAt;

/** SPEC §5: when a first contact is late and when it escalates, counted from the clock's start. */
export const firstContactDueTimes = (
  opportunity: Pick<Opportunity, "receivedAt"> & { marketplace?: Opportunity["marketplace"] },
  settings: Pick<Settings, "durations">,
): { targetAt: string; escalatesAt: string } => {
  const receivedAt = parseIso(firstContactClockStart(opportunity));
  const { firstContactTargetMinutes, firstContactEscalationMinutes } = settings.durations;
  return {
    targetAt: iso(addMinutes(receivedAt, firstContactTargetMinutes)),
    escalatesAt: iso(addMinutes(receivedAt, firstContactEscalationMinutes)),
  };
};

/**
 * SPEC §5: the target reminder and the escalation, both counted from the clock's start
 * (reception, or a hidden client's reveal). `expect` is that instant, so hints from an
 * earlier start of the same lead's clock are ignored.
 */
export const firstContactDeadlines = (
  opportunity: Pick<Opportunity, "tenantId" | "id" | "receivedAt"> & {
    marketplace?: Opportunity["marketplace"];
  },
  settings: Pick<Settings, "durations">,
): Deadline[] => {
  const { targetAt, escalatesAt } = firstContactDueTimes(opportunity, settings);
  const at = (kind: DeadlineKind, dueAt: string): Deadline => ({
    id: deadlineId(kind, opportunity.id, parseIso(dueAt)),
    tenantId: opportunity.tenantId,
    kind,
    subjectId: opportunity.id,
    dueAt,
    expect: firstContactClockStart(opportunity),
  });
  return [at("first-contact-target", targetAt), at("first-contact-escalation", escalatesAt)];
};
