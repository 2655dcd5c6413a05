import { formatUnit } from "../../../i18n/format.js";
import type { Locale } from "../../../i18n/i18n.js";

// core/src/settings/settings.schema.ts: both delays are whole minutes, 1 minute – 30 days.
export const DELAY_MIN_MINUTES = 1;
export const DELAY_MAX_MINUTES = 30 * 24 * 60;

/** SPEC §3: the marketplace reminds the client after 24 h and reveals after 48 h. */
export const DEFAULT_REMINDER_MINUTES = 24 * 60;
export const DEFAULT_REVEAL_MINUTES = 48 * 60;

// A value shown with four decimals (100 minutes → "1.6667") reads back within this of a minute.
const TOLERANCE_MINUTES = 0.01;

/** Stored minutes as the hours typed in the form ("24", "1.5"); a dot, as number inputs take. */
export const hoursText = (minutes: number): string =>
  String(Math.round((minutes / 60) * 10_000) / 10_000);

export type DelayProblem = "hours" | "range";

/** The whole minutes that the hours typed stand for, or why they cannot be stored. */
export const parseHours = (text: string): { minutes: number } | { problem: DelayProblem } => {
  const trimmed = text.trim().replace(",", ".");
  const hours = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(hours)) return { problem: "hours" };
  const exact = hours * 60;
  const minutes = Math.round(exact);
  if (Math.abs(exact - minutes) > TOLERANCE_MINUTES) return { problem: "hours" };
  if (minutes < DELAY_MIN_MINUTES || minutes > DELAY_MAX_MINUTES) return { problem: "range" };
  return { minutes };
};

/** "24 hours", "1.5 hours", "30 minutes": hours, as the form asks for them. */
export const formatDelay = (locale: Locale, minutes: number): string =>
  minutes < 60
    ? formatUnit(minutes, "minute", locale, "long", 2)
    : formatUnit(minutes / 60, "hour", locale, "long", 2);
