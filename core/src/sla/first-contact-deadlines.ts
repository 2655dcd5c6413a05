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

/** SPEC §5: when a first contact is late and when it escalates, both counted from reception. */
export const firstContactDueTimes = (
  opportunity: Pick<Opportunity, "receivedAt">,
  settings: Pick<Settings, "durations">,
): { targetAt: string; escalatesAt: string } => {
  const receivedAt = parseIso(opportunity.receivedAt);
  const { firstContactTargetMinutes, firstContactEscalationMinutes } = settings.durations;
  return {
    targetAt: iso(addMinutes(receivedAt, firstContactTargetMinutes)),
    escalatesAt: iso(addMinutes(receivedAt, firstContactEscalationMinutes)),
  };
};

/**
 * SPEC §5: the target reminder and the escalation, both counted from reception. `expect`
 * is the reception instant, so hints from an earlier reception of the same lead are ignored.
 */
export const firstContactDeadlines = (
  opportunity: Pick<Opportunity, "tenantId" | "id" | "receivedAt">,
  settings: Pick<Settings, "durations">,
): Deadline[] => {
  const { targetAt, escalatesAt } = firstContactDueTimes(opportunity, settings);
  const at = (kind: DeadlineKind, dueAt: string): Deadline => ({
    id: deadlineId(kind, opportunity.id, parseIso(dueAt)),
    tenantId: opportunity.tenantId,
    kind,
    subjectId: opportunity.id,
    dueAt,
    expect: opportunity.receivedAt,
  });
  return [at("first-contact-target", targetAt), at("first-contact-escalation", escalatesAt)];
};
