import {
  type Amount,
  DAY_MS,
  formatAmounts,
  formatDay,
  formatDateTime as formatLocalDateTime,
  LOCALE_TAGS,
  type Locale,
  localTime,
  wallClockInstant,
} from "@dealflow/core";

export { formatRating } from "@dealflow/core";

/** Where the reader is: dates are shown in their locale and time zone. */
export type Reader = { locale: Locale; timeZone: string };

export const formatDateTime = (at: string | Date, reader: Reader): string =>
  formatLocalDateTime(at, reader.locale, reader.timeZone);

export const formatDate = (at: string | Date, reader: Reader): string =>
  formatDay(at, reader.locale, reader.timeZone);

/** One sum per currency; no amount is "–". */
export const formatMoney = (amounts: readonly Amount[], locale: Locale): string =>
  formatAmounts(amounts, locale);

/** How far `at` is from `now` in words ("in 2 days", "dentro de 3 horas"), in the largest unit. */
export const formatTimeLeft = (at: string | Date, now: Date, reader: Reader): string => {
  const ms = new Date(at).getTime() - now.getTime();
  const format = new Intl.RelativeTimeFormat(LOCALE_TAGS[reader.locale], { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(ms) >= size) return format.format(Math.trunc(ms / size), unit);
  }
  return format.format(0, "minute");
};

/** The UTC instant of `hour`:00 on the reader's local day after `now` (Snooze "tomorrow"). */
export const tomorrowAt = (now: Date, timeZone: string, hour: number): Date => {
  const { year, month, day } = localTime(new Date(now.getTime() + DAY_MS), timeZone);
  return wallClockInstant({ year, month, day, minutes: hour * 60 }, timeZone);
};
