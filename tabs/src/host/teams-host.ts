import type { HostContext, ThemeName } from "./host-context.js";
import { withTimeout } from "./with-timeout.js";

// app.initialize() never settles in a frame that is not Teams (it waits ~60 s for a
// handshake), so it is raced against 3 s. A top-level window is Teams only on Teams mobile,
// where the tab runs frameless in the app's web view and talks through `nativeInterface`.
const INITIALIZE_TIMEOUT_MS = 3_000;

export const toThemeName = (teamsTheme: string | undefined): ThemeName =>
  teamsTheme === "dark" ? "dark" : teamsTheme === "contrast" ? "contrast" : "light";

/**
 * Where teams-js can reach a host: a frame (Teams on the web and desktop), a window opened by
 * one (its dialogs and sign-in pop-ups), or Teams mobile's frameless web view, which gives the
 * page a `nativeInterface` (teams-js's own test for it). Anywhere else it is a browser tab.
 */
const mayBeTeams = (): boolean =>
  isFramed() || Boolean(window.opener) || "nativeInterface" in window;

const isFramed = (): boolean => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
};

/**
 * teams-js, fetched only where Teams may be the host: in a plain browser tab (and on
 * Lighthouse's phone) the entry script neither downloads nor runs it, and it asks no CDN.
 */
type TeamsJs = typeof import("@microsoft/teams-js");
let teamsJs: TeamsJs | null = null;
export const loadTeamsJs = async (): Promise<TeamsJs> => {
  teamsJs ??= await import("@microsoft/teams-js");
  return teamsJs;
};

/** teams-js if this page has loaded it (only where Teams may be the host), else null. */
export const loadedTeamsJs = (): TeamsJs | null => teamsJs;

export const detectHost = async (): Promise<HostContext> => {
  const browser: HostContext = { kind: "browser", locale: navigator.language };
  if (!mayBeTeams()) return browser;
  const { app, authentication } = await loadTeamsJs();
  const initialized = await withTimeout(
    app.initialize().then(() => true),
    INITIALIZE_TIMEOUT_MS,
    false,
  );
  if (!initialized) return browser;
  const context = await app.getContext();
  app.notifySuccess();
  const channel =
    context.team?.internalId && context.channel?.id
      ? {
          teamId: context.team.internalId,
          channelId: context.channel.id,
          channelName: context.channel.displayName ?? null,
        }
      : null;
  return {
    kind: "teams",
    locale: context.app.locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || null,
    theme: toThemeName(context.app.theme),
    subEntityId: context.page.subPageId || null,
    entityId: context.page.id || null,
    // The team's thread id (internalId) is what the bot gets as `channelData.team.id`.
    channel,
    chat: channel === null && context.chat?.id ? { chatId: context.chat.id } : null,
    // Teams caches the SSO token and renews it near expiry, so asking per call is cheap.
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (listener) =>
      app.registerOnThemeChangeHandler((theme) => listener(toThemeName(theme))),
  };
};
