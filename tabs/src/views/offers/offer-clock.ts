import type { Locale } from "../../i18n/i18n.js";

const unit = (locale: Locale, value: number, name: "day" | "hour" | "minute"): string =>
  new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "narrow" }).format(value);

/**
 * Time left before an offer expires, as its two largest units ("2d 23h", "5h 10m", "4m").
 * Minutes round up, so a countdown never says "0m" while the offer can still be answered; a
 * response window is days long (SPEC §3: 3 days by default), hence days rather than hours.
 */
export const formatTimeLeft = (milliseconds: number, locale: Locale): string => {
  const minutes = Math.max(1, Math.ceil(milliseconds / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0
      ? `${unit(locale, days, "day")} ${unit(locale, hours, "hour")}`
      : unit(locale, days, "day");
  }
  if (hours > 0) {
    return rest > 0
      ? `${unit(locale, hours, "hour")} ${unit(locale, rest, "minute")}`
      : unit(locale, hours, "hour");
  }
  return unit(locale, rest, "minute");
};
