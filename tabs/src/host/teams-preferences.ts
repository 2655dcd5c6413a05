import type { PreferencesBody } from "@dealflow/contract";
import { canonicalTimeZone, supportedLocaleOf } from "@dealflow/core/i18n";
import { useEffect } from "react";
import type { HostContext, TeamsHostContext } from "./host-context.js";

/**
 * The zone the tab shows dates in: in Teams the person's own (the device's, which their cards,
 * digest and agenda use once sent), else the tenant's, as in the demo's browser mode.
 */
export const readerTimeZone = (host: HostContext | null, settings: { timeZone: string }) =>
  (host?.kind === "teams" ? canonicalTimeZone(host.timeZone) : null) ?? settings.timeZone;

export type SendPreferences = (body: PreferencesBody) => Promise<unknown>;

/**
 * What a Teams session tells the API about the person: the Teams language when it is one we
 * speak, and the device's zone when it is a known IANA one (the API refuses the rest).
 */
export const teamsPreferencesOf = (host: TeamsHostContext): PreferencesBody | null => {
  const locale = supportedLocaleOf(host.locale) === null ? undefined : host.locale;
  const timeZone = canonicalTimeZone(host.timeZone) ?? undefined;
  if (locale === undefined && timeZone === undefined) return null;
  return { ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
};

const SENT_KEY = "dealflow.preferences-sent";
// sessionStorage can be refused in a Teams frame (storage partitioning): then the page's own
// memory keeps the once-per-session promise for this load.
let sentInMemory: string | null = null;

const readSent = (): string | null => {
  try {
    return sessionStorage.getItem(SENT_KEY);
  } catch {
    return sentInMemory;
  }
};

const writeSent = (value: string | null) => {
  sentInMemory = value;
  try {
    if (value === null) sessionStorage.removeItem(SENT_KEY);
    else sessionStorage.setItem(SENT_KEY, value);
  } catch {
    // Memory alone, as above.
  }
};

/**
 * Sends them once a session (a reload, React's double effect and a second render send nothing
 * again), and again only when Teams reports something else. Marked before the request so two
 * callers at once send one; a failed request is forgotten so the next session tries again,
 * and meanwhile the tenant's settings stay in force.
 */
export const sendTeamsPreferences = async (
  host: HostContext,
  send: SendPreferences,
): Promise<void> => {
  if (host.kind !== "teams") return;
  const body = teamsPreferencesOf(host);
  if (body === null) return;
  const key = JSON.stringify(body);
  if (readSent() === key) return;
  writeSent(key);
  try {
    await send(body);
  } catch {
    writeSent(null);
  }
};

/** The App's hook: once the session (the API with the person's token) is ready in Teams. */
export const useTeamsPreferences = (host: HostContext | null, send: SendPreferences | null) => {
  useEffect(() => {
    if (host && send) void sendTeamsPreferences(host, send);
  }, [host, send]);
};
