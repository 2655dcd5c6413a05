import { formatDuration, type Locale } from "@dealflow/core/i18n";

// Dates, numbers and amounts are formatted by core's Intl helpers, the same for the tab, the
// bot's cards and the mails (one locale tag per language).
export {
  formatAmount,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRating,
  formatUnit,
  LOCALE_TAGS,
} from "@dealflow/core/i18n";

/** A waiting time as its two largest units ("2d 3h", "1h 5m", "4m"), in the user's locale. */
export const formatElapsed = (milliseconds: number, locale: Locale): string =>
  formatDuration(milliseconds, locale, { largest: "day", units: 2, round: "down" });
