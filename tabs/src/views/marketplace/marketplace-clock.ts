import { formatDuration, type Locale } from "@dealflow/core/i18n";
import type { MarketplaceApplication, Opportunity, Settings } from "../../api/api-types.js";

/** The settings' defaults (core settings.schema.ts): remind after 24 h, reveal after 48 h. */
export const DEFAULT_REMINDER_MINUTES = 24 * 60;
export const DEFAULT_REVEAL_MINUTES = 48 * 60;

export type ConnectorFacts = { name: string; reminderMinutes: number; revealMinutes: number };

/**
 * The connector's name and durations from the settings. Sellers' settings carry no connectors
 * (they are administration), so for them the key stands for the name and the durations are
 * the settings' defaults; the countdowns themselves come from the server (visibilityClock).
 */
export const connectorFacts = (
  settings: Pick<Settings, "marketplaces">,
  connectorKey: string,
): ConnectorFacts => {
  const connector = settings.marketplaces?.find((candidate) => candidate.key === connectorKey);
  return {
    name: connector?.name ?? connectorKey,
    reminderMinutes: connector?.reminderMinutes ?? DEFAULT_REMINDER_MINUTES,
    revealMinutes: connector?.revealMinutes ?? DEFAULT_REVEAL_MINUTES,
  };
};

export type VisibilityClock = {
  remindAt: Date;
  revealAt: Date;
  /** Milliseconds left; zero or less once the mark has passed (the sweep may not have run yet). */
  toReminder: number;
  toReveal: number;
};

/**
 * SPEC §5: both marks count from the application, with the marketplace's own durations. The
 * server computes them (`reminderAt`, `revealAt`) by the rule that schedules them, so a seller,
 * whose settings carry no connectors, counts down to the right instant; `connector` only
 * stands in for a mark the opportunity does not carry.
 */
export const visibilityClock = (
  application: Pick<MarketplaceApplication, "appliedAt" | "reminderAt" | "revealAt">,
  connector: Pick<ConnectorFacts, "reminderMinutes" | "revealMinutes">,
  now: Date,
): VisibilityClock => {
  const applied = new Date(application.appliedAt).getTime();
  const mark = (server: string | null | undefined, minutes: number) =>
    server ? new Date(server) : new Date(applied + minutes * 60_000);
  const remindAt = mark(application.reminderAt, connector.reminderMinutes);
  const revealAt = mark(application.revealAt, connector.revealMinutes);
  return {
    remindAt,
    revealAt,
    toReminder: remindAt.getTime() - now.getTime(),
    toReveal: revealAt.getTime() - now.getTime(),
  };
};

/**
 * Time left as a countdown: whole hours and minutes ("31h 5m"), or hours only for a badge
 * ("31h"). Minutes round up, so a countdown never says "0m" while the mark is still ahead.
 */
export const formatCountdown = (
  milliseconds: number,
  locale: Locale,
  precision: "minutes" | "hours" = "minutes",
): string =>
  formatDuration(milliseconds, locale, {
    largest: "hour",
    units: precision === "hours" ? 1 : 2,
    round: "up",
  });

/** Whether the server hides this opportunity's client (hidden now, or withheld for good). */
export const isClientHidden = (opportunity: Pick<Opportunity, "marketplace">): boolean => {
  const visibility = opportunity.marketplace?.visibility;
  return visibility === "hidden" || visibility === "withheld";
};
