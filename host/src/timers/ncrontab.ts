/** A parsed NCRONTAB expression with seconds, as Azure Functions timer triggers use. */
export type NcrontabSchedule = {
  expression: string;
  seconds: readonly number[];
  minutes: readonly number[];
  hours: readonly number[];
  days: readonly number[];
  months: readonly number[];
  daysOfWeek: readonly number[];
};

type FieldSpec = { name: string; min: number; max: number; names?: readonly string[] };

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const FIELDS: readonly FieldSpec[] = [
  { name: "second", min: 0, max: 59 },
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTH_NAMES },
  { name: "day of week", min: 0, max: 6, names: DAY_NAMES },
];

/** How far ahead to look before deciding an expression (e.g. 30 February) never fires. */
const SEARCH_YEARS = 8;

export const parseNcrontab = (expression: string): NcrontabSchedule => {
  const tokens = expression.trim().split(/\s+/);
  if (tokens.length !== FIELDS.length) {
    throw new Error(
      `"${expression}" is not an NCRONTAB expression: it needs 6 fields (second minute hour day month day-of-week)`,
    );
  }
  const [seconds, minutes, hours, days, months, daysOfWeek] = FIELDS.map((spec, index) =>
    parseField(expression, tokens[index] ?? "", spec),
  ) as [number[], number[], number[], number[], number[], number[]];
  return { expression, seconds, minutes, hours, days, months, daysOfWeek };
};

const parseField = (expression: string, token: string, spec: FieldSpec): number[] => {
  const values = new Set<number>();
  for (const element of token.split(",")) {
    const [range = "", stepText, ...extra] = element.split("/");
    const step = stepText === undefined ? 1 : parseNumber(stepText);
    let [first, last] = [spec.min, spec.max];
    if (range !== "*") {
      const [from = "", to, ...more] = range.split("-");
      first = parseValue(from, spec);
      last = to === undefined ? (stepText === undefined ? first : spec.max) : parseValue(to, spec);
      if (more.length > 0) first = Number.NaN;
    }
    const valid =
      extra.length === 0 &&
      Number.isInteger(step) &&
      step > 0 &&
      first >= spec.min &&
      last <= spec.max &&
      first <= last;
    if (!valid) {
      throw new Error(
        `"${expression}": "${element}" is not a valid ${spec.name} (${spec.min}-${spec.max})`,
      );
    }
    for (let value = first; value <= last; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
};

const parseNumber = (text: string): number => (/^\d+$/.test(text) ? Number(text) : Number.NaN);

/** Names as NCrontab takes them: any prefix of the English name, at least 3 letters (Mon, Monday). */
const parseValue = (text: string, spec: FieldSpec): number => {
  const lower = text.toLowerCase();
  const named =
    lower.length >= 3 ? (spec.names?.findIndex((name) => name.startsWith(lower)) ?? -1) : -1;
  return named >= 0 ? named + spec.min : parseNumber(text);
};

/**
 * The first instant strictly after `after` that the schedule fires, in UTC, or undefined if it
 * never does. Like NCrontab (and unlike Vixie cron), day and day-of-week must both match.
 */
export const nextOccurrence = (schedule: NcrontabSchedule, after: Date): Date | undefined => {
  let time = Math.floor(after.getTime() / 1000) * 1000 + 1000;
  const limit = after.getUTCFullYear() + SEARCH_YEARS;
  while (new Date(time).getUTCFullYear() <= limit) {
    const d = new Date(time);
    const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    const [hour, minute, second] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    if (!schedule.months.includes(month + 1)) {
      time = Date.UTC(year, month + 1, 1);
    } else if (!schedule.days.includes(day) || !schedule.daysOfWeek.includes(d.getUTCDay())) {
      time = Date.UTC(year, month, day + 1);
    } else {
      const h = firstAtLeast(schedule.hours, hour);
      const m = h === hour ? firstAtLeast(schedule.minutes, minute) : undefined;
      const s = h === hour && m === minute ? firstAtLeast(schedule.seconds, second) : undefined;
      if (h === undefined) time = Date.UTC(year, month, day + 1);
      else if (h !== hour) time = Date.UTC(year, month, day, h);
      else if (m === undefined) time = Date.UTC(year, month, day, hour + 1);
      else if (m !== minute) time = Date.UTC(year, month, day, hour, m);
      else if (s === undefined) time = Date.UTC(year, month, day, hour, minute + 1);
      else return new Date(Date.UTC(year, month, day, hour, minute, s));
    }
  }
  return undefined;
};

const firstAtLeast = (values: readonly number[], floor: number): number | undefined =>
  values.find((value) => value >= floor);
