import { LOCALE_TAGS, type Locale } from "./locale.js";

/** An amount in a currency (ISO 4217 code as stored). */
export type Amount = { readonly amount: number; readonly currency: string };

/** "5 Mar 2026, 09:00" / "5 mar 2026, 9:00" in the reader's time zone (their tenant's if absent). */
export const formatDateTime = (at: string | Date, locale: Locale, timeZone?: string): string =>
  new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(at));

/** "Thursday, 5 March 2026": a whole day, as a digest names it. */
export const formatDay = (at: string | Date, locale: Locale, timeZone?: string): string =>
  new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "full", timeZone }).format(
    new Date(at),
  );

export const formatNumber = (
  value: number,
  locale: Locale,
  maximumFractionDigits?: number,
): string => new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits }).format(value);

/** A review rating out of 5, always with one decimal: "4.0", "4,5". */
export const formatRating = (rating: number, locale: Locale): string =>
  new Intl.NumberFormat(LOCALE_TAGS[locale], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(rating);

/** A share as a whole percentage: 0.25 → "25%" / "25 %". */
export const formatPercent = (share: number, locale: Locale): string =>
  new Intl.NumberFormat(LOCALE_TAGS[locale], { style: "percent" }).format(share);

/**
 * "€12,000" / "12.000 €", cents only when there are some. A currency code Intl does not know
 * is shown as stored after the number, never an error.
 */
export const formatAmount = (money: Amount, locale: Locale): string => {
  try {
    return new Intl.NumberFormat(LOCALE_TAGS[locale], {
      style: "currency",
      currency: money.currency,
      trailingZeroDisplay: "stripIfInteger",
    }).format(money.amount);
  } catch {
    return `${formatNumber(money.amount, locale)} ${money.currency}`;
  }
};

/** Several amounts as one sum per currency ("€12,000 + $3,000"); none is "–". */
export const formatAmounts = (amounts: readonly Amount[], locale: Locale): string => {
  if (amounts.length === 0) return "–";
  const byCurrency = new Map<string, number>();
  for (const money of amounts) {
    byCurrency.set(money.currency, (byCurrency.get(money.currency) ?? 0) + money.amount);
  }
  return [...byCurrency]
    .map(([currency, amount]) => formatAmount({ amount, currency }, locale))
    .join(" + ");
};

export type Unit = "day" | "hour" | "minute";
const UNIT_MINUTES: Readonly<Record<Unit, number>> = { day: 1440, hour: 60, minute: 1 };

/** "3h" (narrow, for a clock in a cell) or "3 hours" (long, for a setting), in the locale's words. */
export const formatUnit = (
  value: number,
  unit: Unit,
  locale: Locale,
  display: "narrow" | "long" = "narrow",
  maximumFractionDigits?: number,
): string =>
  new Intl.NumberFormat(LOCALE_TAGS[locale], {
    style: "unit",
    unit,
    unitDisplay: display,
    maximumFractionDigits,
  }).format(value);

export type DurationStyle = {
  /** The largest unit shown ("31h" rather than "1d 7h" for a countdown counted in hours). */
  readonly largest: Unit;
  /** How many units at most ("2d 3h" is two); a zero second unit is left out ("2d", not "2d 0h"). */
  readonly units: 1 | 2;
  /**
   * Minutes round down for time that has passed (a wait of 59 s is "0m"), up for time left (a
   * countdown never says "0m" while the mark is still ahead).
   */
  readonly round: "down" | "up";
};

/** A length of time in its largest units, narrow ("2d 3h", "1 h 5 min"), in the locale's words. */
export const formatDuration = (
  milliseconds: number,
  locale: Locale,
  style: DurationStyle,
): string => {
  const total =
    style.round === "up"
      ? Math.max(1, Math.ceil(milliseconds / 60_000))
      : Math.max(0, Math.floor(milliseconds / 60_000));
  const units = (["day", "hour", "minute"] as const).filter(
    (unit) => UNIT_MINUTES[unit] <= UNIT_MINUTES[style.largest],
  );
  const first = units.find((unit) => total >= UNIT_MINUTES[unit]) ?? "minute";
  const firstValue = Math.floor(total / UNIT_MINUTES[first]);
  const parts = [formatUnit(firstValue, first, locale)];
  const second = units[units.indexOf(first) + 1];
  if (style.units === 2 && second) {
    const secondValue = Math.floor((total % UNIT_MINUTES[first]) / UNIT_MINUTES[second]);
    if (secondValue > 0) parts.push(formatUnit(secondValue, second, locale));
  }
  return parts.join(" ");
};
