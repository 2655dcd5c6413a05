import { type Opportunity, type Settings, visibilityDeadlines } from "@dealflow/core";

/** SPEC §5's two marks of a hidden client: the client reminder and the automatic reveal. */
export type VisibilityMarks = { reminderAt: string | null; revealAt: string | null };

const none: VisibilityMarks = { reminderAt: null, revealAt: null };

/**
 * When the client is reminded and revealed, by the rule that schedules those deadlines: the
 * marketplace's durations counted from the application. Sellers' settings carry no
 * connectors, so the tab counts down to these rather than to defaults. A marketplace removed
 * from the settings since leaves the deadlines it scheduled; they are the marks then.
 */
export const visibilityMarks = (
  opportunity: Pick<Opportunity, "tenantId" | "id" | "marketplace" | "deadlines">,
  settings: Pick<Settings, "marketplaces">,
): VisibilityMarks => {
  const application = opportunity.marketplace;
  if (application?.visibility !== "hidden") return none;
  const connector = settings.marketplaces.find((m) => m.key === application.connectorKey);
  const deadlines = connector
    ? visibilityDeadlines(opportunity, application.appliedAt, connector)
    : opportunity.deadlines;
  const dueOf = (kind: "marketplace-reminder" | "marketplace-reveal") =>
    deadlines.find((deadline) => deadline.kind === kind)?.dueAt ?? null;
  return { reminderAt: dueOf("marketplace-reminder"), revealAt: dueOf("marketplace-reveal") };
};
