import type { ReportPeriod } from "../../../api/reports-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";

const DAY_MS = 86_400_000;
/**
 * The API refuses periods over 366 days; a custom range stops at 365 whole days so that a
 * daylight-saving hour inside it never pushes it over.
 */
export const MAX_CUSTOM_DAYS = 365;

export type PeriodPreset = "7" | "30" | "90" | "custom";
export const PRESETS: readonly PeriodPreset[] = ["7", "30", "90", "custom"];
export const DEFAULT_PRESET: PeriodPreset = "30";

/** Calendar days as `<input type="date">` holds them ("2026-11-22"), both included. */
export type DayRange = { from: string; to: string };

export const lastDays = (days: number, now: Date): ReportPeriod => ({
  from: new Date(now.getTime() - days * DAY_MS).toISOString(),
  to: now.toISOString(),
});

const partsIn = (instant: number, timeZone: string | undefined) => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((item) => item.type === type)?.value ?? 0);
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  };
};

/** How far the zone's wall clock is ahead of UTC at `instant`. */
const offsetMs = (instant: number, timeZone: string | undefined): number => {
  const p = partsIn(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
};

/** The calendar day of `instant` in the zone, as "YYYY-MM-DD". */
export const dayIn = (instant: Date, timeZone: string | undefined): string => {
  const p = partsIn(instant.getTime(), timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
};

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const utcDay = (day: string): number | null => {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, date);
  // 2026-02-30 rolls over to March: not a real day.
  return new Date(at).getUTCDate() === date ? at : null;
};

/** Midnight at the start of `day` in the zone (twice corrected: the offset may change that day). */
export const startOfDay = (day: string, timeZone: string | undefined): Date | null => {
  const guess = utcDay(day);
  if (guess === null) return null;
  const first = guess - offsetMs(guess, timeZone);
  return new Date(guess - offsetMs(first, timeZone));
};

export type RangeCheck =
  | { ok: true; period: ReportPeriod }
  | { ok: false; errors: Partial<Record<keyof DayRange, MessageKey>> };

/** A custom range: both days real, `from` not after `to`, nothing in the future, ≤ 365 days. */
export const checkDayRange = (
  range: DayRange,
  today: string,
  timeZone: string | undefined,
): RangeCheck => {
  const from = utcDay(range.from);
  const to = utcDay(range.to);
  const errors: Partial<Record<keyof DayRange, MessageKey>> = {};
  if (from === null) errors.from = "reports.period.invalidDay";
  if (to === null) errors.to = "reports.period.invalidDay";
  else if (to > (utcDay(today) ?? to)) errors.to = "reports.period.future";
  if (from !== null && to !== null && !errors.to) {
    if (from > to) errors.to = "reports.period.beforeFrom";
    else if ((to - from) / DAY_MS + 1 > MAX_CUSTOM_DAYS) errors.from = "reports.period.tooLong";
  }
  const start = startOfDay(range.from, timeZone);
  const dayAfterEnd = to === null ? null : startOfDay(dayAfter(range.to), timeZone);
  if (Object.keys(errors).length > 0 || !start || !dayAfterEnd) return { ok: false, errors };
  return { ok: true, period: { from: start.toISOString(), to: dayAfterEnd.toISOString() } };
};

const dayAfter = (day: string): string => {
  const at = utcDay(day) ?? 0;
  return new Date(at + DAY_MS).toISOString().slice(0, 10);
};

/** The days a period covers, for the date inputs: its `to` is excluded, so the day before. */
export const dayRangeOf = (period: ReportPeriod, timeZone: string | undefined): DayRange => ({
  from: dayIn(new Date(period.from), timeZone),
  to: dayIn(new Date(Date.parse(period.to) - 1), timeZone),
});
