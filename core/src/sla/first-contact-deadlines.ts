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
 * SPEC §5: the target reminder and the escalation, both counted from reception. `expect`
 * is the reception instant, so hints from an earlier reception of the same lead are ignored.
 */
export const firstContactDeadlines = (
  opportunity: Pick<Opportunity, "tenantId" | "id" | "receivedAt">,
  settings: Pick<Settings, "durations">,
): Deadline[] => {
  const receivedAt = parseIso(opportunity.receivedAt);
  const { firstContactTargetMinutes, firstContactEscalationMinutes } = settings.durations;
  const at = (kind: DeadlineKind, minutes: number): Deadline => {
    const dueAt = addMinutes(receivedAt, minutes);
    return {
      id: deadlineId(kind, opportunity.id, dueAt),
      tenantId: opportunity.tenantId,
      kind,
      subjectId: opportunity.id,
      dueAt: iso(dueAt),
      expect: opportunity.receivedAt,
    };
  };
  return [
    at("first-contact-target", firstContactTargetMinutes),
    at("first-contact-escalation", firstContactEscalationMinutes),
  ];
};
