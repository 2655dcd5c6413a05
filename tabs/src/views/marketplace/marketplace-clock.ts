import type {
  OpportunityListItem as Opportunity,
  SettingsAnswer as Settings,
} from "@dealflow/contract";
import { formatDuration, type Locale } from "@dealflow/core/i18n";

/**
 * The connector's name from the settings. Sellers' settings carry no connectors (they are
 * administration), so for them the key stands for the name.
 */
export const connectorName = (settings: Settings, connectorKey: string): string =>
  ("marketplaces" in settings ? settings.marketplaces : []).find(
    (candidate) => candidate.key === connectorKey,
  )?.name ?? connectorKey;

/** A mark and the milliseconds left to it; zero or less once it has passed (the sweep may not have run yet). */
export type Countdown = { at: Date; left: number };

/**
 * SPEC §5's marks (client reminder, automatic reveal) count from the application with the
 * marketplace's durations; the server computes them by the rule that schedules them and sends
 * them while the client is hidden (`reminderAt`, `revealAt`). The tab only counts down to
 * them: null when the server sent none (a marketplace removed whose deadline has passed).
 */
export const countdownTo = (mark: string | null, now: Date): Countdown | null =>
  mark === null ? null : { at: new Date(mark), left: Date.parse(mark) - now.getTime() };

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
