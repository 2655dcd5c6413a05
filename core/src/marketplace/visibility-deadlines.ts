import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { MarketplaceConnectorSettings } from "../settings/settings.js";
import { addMinutes, iso, parseIso } from "../shared/time.js";
import {
  type Deadline,
  type DeadlineKind,
  type DeadlineRef,
  deadlineId,
} from "../sla/deadline.types.js";

export const VISIBILITY_DEADLINE_KINDS: readonly DeadlineKind[] = [
  "marketplace-reminder",
  "marketplace-reveal",
];

export const isVisibilityDeadline = (ref: DeadlineRef): boolean =>
  VISIBILITY_DEADLINE_KINDS.includes(ref.kind);

/**
 * SPEC §5: the client-reminder mark and the automatic reveal, both counted from the
 * application with the marketplace's own durations. `expect` is the application instant,
 * so hints of an earlier application of the same opportunity are ignored.
 */
export const visibilityDeadlines = (
  opportunity: Pick<Opportunity, "tenantId" | "id">,
  appliedAt: string,
  connector: Pick<MarketplaceConnectorSettings, "reminderMinutes" | "revealMinutes">,
): Deadline[] => {
  const applied = parseIso(appliedAt);
  const at = (kind: DeadlineKind, minutes: number): Deadline => {
    const dueAt = addMinutes(applied, minutes);
    return {
      id: deadlineId(kind, opportunity.id, dueAt),
      tenantId: opportunity.tenantId,
      kind,
      subjectId: opportunity.id,
      dueAt: iso(dueAt),
      expect: appliedAt,
    };
  };
  return [
    at("marketplace-reminder", connector.reminderMinutes),
    at("marketplace-reveal", connector.revealMinutes),
  ];
};
