import type { Locale } from "../i18n/locale.js";
import type { User } from "./user.types.js";

/** What a person's Teams says about them: their language and IANA time zone (both optional). */
export type UserPreferences = { locale?: Locale; timeZone?: string };

/**
 * The user with these preferences, or null when the record already has them: Teams repeats
 * them on every activity, so only a change is written. An inactive user is left alone.
 */
export const withPreferences = (user: User, preferences: UserPreferences): User | null => {
  if (!user.active) return null;
  const locale = preferences.locale ?? user.locale;
  const timeZone = preferences.timeZone ?? user.timeZone;
  if (locale === user.locale && timeZone === user.timeZone) return null;
  return { ...user, locale, timeZone };
};
