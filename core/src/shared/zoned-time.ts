/** Wall-clock parts of an instant in an IANA time zone. */
export type LocalTime = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `at` in `timeZone` (to the minute). */
export const localTime = (at: Date, timeZone: string): LocalTime => {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(at).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
};

/** Offset of the zone at `at`, in ms (local wall clock minus UTC), to the minute. */
export const offsetMs = (at: Date, timeZone: string): number => {
  const local = localTime(at, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return wall - Math.floor(at.getTime() / 60_000) * 60_000;
};

/**
 * The instant a wall-clock time has in `timeZone` (the day may overflow: day 32 is the next
 * month's first). Offsets change with DST: the offset at the first guess, then at the answer.
 */
export const wallClockInstant = (
  wall: { year: number; month: number; day: number; minutes: number },
  timeZone: string,
): Date => {
  const utcWall = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minutes * 60_000;
  const guess = utcWall - offsetMs(new Date(utcWall), timeZone);
  return new Date(utcWall - offsetMs(new Date(guess), timeZone));
};

/** ISO weekday (1 = Monday … 7 = Sunday) of a local calendar date. */
export const isoWeekday = (local: Pick<LocalTime, "year" | "month" | "day">): number => {
  const sundayFirst = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
};
