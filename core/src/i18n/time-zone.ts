// IANA names only ("Europe/Madrid", "UTC"): Intl also takes offsets such as "+01:00", which
// follow no daylight-saving rules and so would put a digest at the wrong hour half the year.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** The canonical spelling of an IANA time zone this runtime knows, or null. */
export const canonicalTimeZone = (value: unknown): string | null => {
  if (typeof value !== "string" || value.length > 64 || !IANA_NAME.test(value)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

export const isTimeZone = (value: string): boolean => canonicalTimeZone(value) !== null;
