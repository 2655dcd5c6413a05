import type { NotificationIntent } from "../notification/notification.types.js";
import type { Settings } from "../settings/settings.js";
import { iso } from "../shared/time.js";
import { localTime, offsetMs } from "../shared/zoned-time.js";
import type { Task } from "../task/task.types.js";
import type { User } from "../user/user.types.js";

/** SPEC §4.3: the agenda arrives at 08:00 in the user's own time zone. */
export const DIGEST_LOCAL_HOUR = 8;

/**
 * The digest run's period: every zone's offset is a whole number of quarter hours (India
 * +5:30, Nepal +5:45), so a run every 15 minutes meets each zone's 08:00 exactly once.
 */
export const DIGEST_RUN_MINUTES = 15;

const pad = (value: number) => String(value).padStart(2, "0");

/** The user's zone, else the tenant's (SPEC §4.3: settings). */
export const userTimeZone = (user: Pick<User, "timeZone">, settings: Pick<Settings, "timeZone">) =>
  user.timeZone ?? settings.timeZone;

/** The local calendar date (yyyy-mm-dd) of `at` in `timeZone`. */
export const localDate = (at: Date, timeZone: string): string => {
  const local = localTime(at, timeZone);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
};

/** Whether the quarter-hourly run at `now` is the one that sends this zone's digest (08:00). */
export const isDigestRun = (now: Date, timeZone: string): boolean => {
  const local = localTime(now, timeZone);
  return local.hour === DIGEST_LOCAL_HOUR && local.minute < DIGEST_RUN_MINUTES;
};

/** The instant the local day of `now` ends in `timeZone` (next local midnight). */
export const endOfLocalDay = (now: Date, timeZone: string): Date => {
  const local = localTime(now, timeZone);
  const midnightWall = Date.UTC(local.year, local.month - 1, local.day + 1);
  // Offsets change with DST: take the offset at the first guess, then at the answer.
  const guess = midnightWall - offsetMs(now, timeZone);
  return new Date(midnightWall - offsetMs(new Date(guess), timeZone));
};

/** The outbox row of one user's daily agenda. */
export type DailyDigestIntent = Extract<NotificationIntent, { type: "daily-digest" }>;

/** Deterministic: a repeated run writes the same outbox row and so sends nothing twice. */
export const digestNotificationId = (userId: string, date: string): string =>
  `digest:${userId}:${date}`;

/**
 * The daily agenda card of one user: sent when they have open tasks due today or overdue
 * (`tasks` are their open tasks due before the end of their local day); a day with nothing
 * to do sends nothing. Recipients and task lists are resolved at delivery, like every intent.
 */
export const dailyDigest = (
  user: Pick<User, "tenantId" | "id" | "timeZone" | "active">,
  settings: Pick<Settings, "timeZone">,
  tasks: readonly Pick<Task, "status" | "dueAt">[],
  now: Date,
): DailyDigestIntent | null => {
  if (!user.active) return null;
  const timeZone = userTimeZone(user, settings);
  if (!isDigestRun(now, timeZone)) return null;
  const endOfDay = endOfLocalDay(now, timeZone).getTime();
  const due = tasks.filter((task) => task.status === "open" && Date.parse(task.dueAt) < endOfDay);
  if (due.length === 0) return null;
  const date = localDate(now, timeZone);
  return {
    tenantId: user.tenantId,
    id: digestNotificationId(user.id, date),
    createdAt: iso(now),
    opportunityId: null,
    actorId: null,
    deliveredAt: null,
    type: "daily-digest",
    userId: user.id,
    date,
  };
};
