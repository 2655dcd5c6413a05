import type { Locale } from "./i18n.js";

export const formatDateTime = (iso: string, locale: Locale, timeZone?: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );

const unit = (locale: Locale, value: number, name: "day" | "hour" | "minute"): string =>
  new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "narrow" }).format(value);

/** A waiting time as its two largest units ("2d 3h", "1h 5m", "4m"), in the user's locale. */
export const formatElapsed = (milliseconds: number, locale: Locale): string => {
  const minutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${unit(locale, days, "day")} ${unit(locale, hours, "hour")}`;
  if (hours > 0) return `${unit(locale, hours, "hour")} ${unit(locale, rest, "minute")}`;
  return unit(locale, rest, "minute");
};
