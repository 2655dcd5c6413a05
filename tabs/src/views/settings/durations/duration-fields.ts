import type { ManagerSettings } from "../../../api/settings-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { formatNumber, formatUnit } from "../../../i18n/format.js";
import type { Locale } from "../../../i18n/i18n.js";

const HOUR = 60;
const DAY = 24 * HOUR;

/** How a value is stored in the document: minutes (edited in minutes, hours or days), days, or a count. */
export type StoredAs = "minutes" | "days" | "count";
export type DurationUnit = "minutes" | "hours" | "days" | "count";

export type DurationField = {
  /** The document path, as the server names it in a 400 (`durations.firstContactTargetMinutes`). */
  path: string;
  label: MessageKey;
  storedAs: StoredAs;
  min: number;
  max: number;
  /** null is allowed and means "off" (the optional overdue escalation of SPEC §5). */
  optional?: boolean;
};

// SPEC §3, with the ranges of core/src/settings/settings.schema.ts (the server checks them again).
export const DURATION_FIELDS: readonly DurationField[] = [
  {
    path: "durations.firstContactTargetMinutes",
    label: "settings.d.firstContactTarget",
    storedAs: "minutes",
    min: 1,
    max: 7 * DAY,
  },
  {
    path: "durations.firstContactEscalationMinutes",
    label: "settings.d.firstContactEscalation",
    storedAs: "minutes",
    min: 1,
    max: 14 * DAY,
  },
  {
    path: "durations.secondContactDelayMinutes",
    label: "settings.d.secondContactDelay",
    storedAs: "minutes",
    min: HOUR,
    max: 14 * DAY,
  },
  {
    path: "durations.proposalDelayMinutes",
    label: "settings.d.proposalDelay",
    storedAs: "minutes",
    min: HOUR,
    max: 30 * DAY,
  },
  {
    path: "durations.classificationFollowUpDays.potential-consultant",
    label: "settings.d.potentialConsultant",
    storedAs: "days",
    min: 1,
    max: 365,
  },
  {
    path: "durations.classificationFollowUpDays.promising",
    label: "settings.d.promising",
    storedAs: "days",
    min: 1,
    max: 365,
  },
  {
    path: "durations.classificationFollowUpDays.likely",
    label: "settings.d.likely",
    storedAs: "days",
    min: 1,
    max: 365,
  },
  {
    path: "durations.classificationFollowUpDays.undecided",
    label: "settings.d.undecided",
    storedAs: "days",
    min: 1,
    max: 365,
  },
  {
    path: "durations.notSureFollowUpDays",
    label: "settings.d.notSure",
    storedAs: "days",
    min: 1,
    max: 365,
  },
  {
    path: "durations.routingOfferWindowMinutes",
    label: "settings.d.routingOfferWindow",
    storedAs: "minutes",
    min: HOUR,
    max: 30 * DAY,
  },
  {
    path: "routingOffersAtOnce",
    label: "settings.d.routingOffersAtOnce",
    storedAs: "count",
    min: 1,
    max: 10,
  },
  {
    path: "durations.taskDueSoonMinutes",
    label: "settings.d.taskDueSoon",
    storedAs: "minutes",
    min: 0,
    max: 7 * DAY,
  },
  {
    path: "durations.taskOverdueEscalationMinutes",
    label: "settings.d.taskOverdueEscalation",
    storedAs: "minutes",
    min: 1,
    max: 30 * DAY,
    optional: true,
  },
];

/** What the form holds for one duration: the text typed, its unit, and (optional ones) whether it is on. */
export type DurationInput = { text: string; unit: DurationUnit; enabled: boolean };
export type DurationInputs = Record<string, DurationInput>;

const FACTOR: Record<DurationUnit, number> = { minutes: 1, hours: HOUR, days: DAY, count: 1 };

// Days and counts are stored as they are typed; only minutes are shown in a larger unit.
const factorOf = (field: DurationField, unit: DurationUnit) =>
  field.storedAs === "minutes" ? FACTOR[unit] : 1;

export const unitsOf = (field: DurationField): DurationUnit[] =>
  field.storedAs === "minutes" ? ["minutes", "hours", "days"] : [field.storedAs];

const readPath = (document: unknown, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (node, key) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      document,
    );

const writePath = (node: unknown, keys: string[], value: unknown): unknown => {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const object = typeof node === "object" && node !== null ? (node as Record<string, unknown>) : {};
  return { ...object, [key]: writePath(object[key], rest, value) };
};

/** The largest unit that shows a stored number of minutes exactly (90 → 90 minutes, 4320 → 3 days). */
const bestUnit = (minutes: number): DurationUnit =>
  minutes > 0 && minutes % DAY === 0
    ? "days"
    : minutes > 0 && minutes % HOUR === 0
      ? "hours"
      : "minutes";

export const toDurationInputs = (settings: ManagerSettings): DurationInputs =>
  Object.fromEntries(
    DURATION_FIELDS.map((field) => {
      const value = readPath(settings, field.path);
      const stored = typeof value === "number" ? value : null;
      const unit = field.storedAs === "minutes" ? bestUnit(stored ?? DAY) : field.storedAs;
      const text = stored === null ? "" : String(stored / factorOf(field, unit));
      return [field.path, { text, unit, enabled: stored !== null }];
    }),
  );

export type DurationProblem =
  | { key: "field.required" }
  | { key: "settings.error.wholeNumber"; unit: DurationUnit }
  | { key: "settings.error.range" };

/** The stored value of one input, or why it cannot be saved. */
export const parseDuration = (
  field: DurationField,
  input: DurationInput,
): { value: number | null } | { problem: DurationProblem } => {
  if (field.optional && !input.enabled) return { value: null };
  const text = input.text.trim().replace(",", ".");
  if (text === "") return { problem: { key: "field.required" } };
  const number = Number(text);
  const stored = number * factorOf(field, input.unit);
  if (!Number.isFinite(number) || !Number.isInteger(Math.round(stored * 1e6) / 1e6))
    return { problem: { key: "settings.error.wholeNumber", unit: field.storedAs } };
  if (stored < field.min || stored > field.max) return { problem: { key: "settings.error.range" } };
  return { value: Math.round(stored) };
};

/** The document with every valid input written into it (invalid ones are left as they were). */
export const applyDurations = (
  settings: ManagerSettings,
  inputs: DurationInputs,
): ManagerSettings =>
  DURATION_FIELDS.reduce<ManagerSettings>((document, field) => {
    const input = inputs[field.path];
    const parsed = input ? parseDuration(field, input) : null;
    return parsed && "value" in parsed
      ? (writePath(document, field.path.split("."), parsed.value) as ManagerSettings)
      : document;
  }, settings);

/** "1 minute", "7 days", "4 hours" in the user's language, for the allowed range. */
export const formatAmount = (locale: Locale, field: DurationField, stored: number): string => {
  if (field.storedAs === "count") return formatNumber(stored, locale);
  const minutes = field.storedAs === "days" ? stored * DAY : stored;
  const unit = bestUnit(minutes);
  const intlUnit = unit === "days" ? "day" : unit === "hours" ? "hour" : "minute";
  return formatUnit(minutes / FACTOR[unit], intlUnit, locale, "long");
};
