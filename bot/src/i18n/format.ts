import {
  type Amount,
  formatAmounts,
  formatDay,
  formatDateTime as formatLocalDateTime,
  LOCALE_TAGS,
  type Locale,
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
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(now.getTime() + 24 * 3_600_000));
  const [year, month, day] = parts.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour);
  // The zone's offset at that moment: format the guess back and correct by the difference.
  const local = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    hourCycle: "h23",
    minute: "2-digit",
  }).format(new Date(guess));
  const [h, m] = local.split(":").map(Number) as [number, number];
  const offsetMinutes = h * 60 + m - hour * 60;
  const wrapped = ((((offsetMinutes + 720) % 1440) + 1440) % 1440) - 720;
  return new Date(guess - wrapped * 60_000);
};
