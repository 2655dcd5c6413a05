import type { Settings } from "../settings/settings.js";
import type { Viewer } from "../user/user.types.js";
import type { IdGenerator } from "./ids.js";

/** Everything a use case needs from outside, passed in: who acts, when, under which rules. */
export type UseCaseContext = {
  now: Date;
  /** The signed-in user, or null for the system (intake, timers). */
  actor: Viewer | null;
  tenantId: string;
  settings: Settings;
  ids: IdGenerator;
  /**
   * Stored time zones of people other than the actor whom this use case may give a task, as
   * far as the caller has read them; see ownerTimeZone.
   */
  timeZones?: Readonly<Record<string, string | null>>;
};

/**
 * Whose wall clock a task owner's reminders follow (issue 20: working hours in the person's
 * zone): their stored zone, else the tenant's. The actor's comes with them, at no extra read.
 */
export const ownerTimeZone = (ownerId: string, ctx: UseCaseContext): string =>
  (ctx.actor?.userId === ownerId ? ctx.actor.timeZone : ctx.timeZones?.[ownerId]) ??
  ctx.settings.timeZone;
