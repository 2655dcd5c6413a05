import { formatDuration, type Locale } from "@dealflow/core/i18n";

/**
 * Time left before an offer expires, as its two largest units ("2d 23h", "5h 10m", "4m").
 * Minutes round up, so a countdown never says "0m" while the offer can still be answered; a
 * response window is days long (SPEC §3: 3 days by default), hence days rather than hours.
 */
export const formatTimeLeft = (milliseconds: number, locale: Locale): string =>
  formatDuration(milliseconds, locale, { largest: "day", units: 2, round: "up" });
