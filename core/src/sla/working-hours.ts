import type { Settings } from "../settings/settings.js";
import { addDays } from "../shared/time.js";
import { isoWeekday, localTime, wallClockInstant } from "../shared/zoned-time.js";

export type WorkingHours = Settings["workingHours"];

const minutesOf = (clock: string): number => {
  const [hours = 0, minutes = 0] = clock.split(":").map(Number);
  return hours * 60 + minutes;
};

/** Whether `at` is inside the working week, on the wall clock of `timeZone`. */
export const isWorkingTime = (at: Date, hours: WorkingHours, timeZone: string): boolean => {
  const local = localTime(at, timeZone);
  const minutes = local.hour * 60 + local.minute;
  return (
    hours.days.includes(isoWeekday(local)) &&
    minutes >= minutesOf(hours.start) &&
    minutes < minutesOf(hours.end)
  );
};

/**
 * `at` when it is working time; else the start of the next working period (later today, or
 * the next working day's start). A reminder due at night for the next morning comes then.
 */
export const nextWorkingTime = (at: Date, hours: WorkingHours, timeZone: string): Date => {
  if (isWorkingTime(at, hours, timeZone)) return at;
  const start = minutesOf(hours.start);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const local = localTime(addDays(at, ahead), timeZone);
    if (!hours.days.includes(isoWeekday(local))) continue;
    const begins = wallClockInstant({ ...local, minutes: start }, timeZone);
    if (begins.getTime() > at.getTime()) return begins;
  }
  return at;
};
