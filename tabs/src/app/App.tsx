import { FluentProvider, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { browserSession, fetchDevUsers } from "../auth/browser-session.js";
import { SignInPage } from "../auth/SignInPage.js";
import { browserConfigPort, type ChannelConfigPort } from "../host/channel-config-port.js";
import type { HostContext, ThemeName } from "../host/host-context.js";
import { teamsConfigPort } from "../host/teams-channel-config.js";
import { detectHost } from "../host/teams-host.js";
import { readerTimeZone, useTeamsPreferences } from "../host/teams-preferences.js";
import { I18nProvider, toLocale } from "../i18n/i18n.js";
import { ErrorPanel } from "./ErrorPanel.js";
import { loadSession } from "./load-session.js";
import { type LoadedSession, type Session, SessionProvider } from "./session.js";
import { type StartRoute, startRoute } from "./start-route.js";
import { fluentTheme } from "./themes.js";
import { useBrowserTheme } from "./use-browser-theme.js";

// The shell (navigation, toasts, the views' registry) is its own chunk, fetched from the start
// while Teams answers and the session loads, so the entry script stays small (the JS budget).
const shellChunk = import("../shell/Shell.js");
const Shell = lazy(() => shellChunk.then((module) => ({ default: module.Shell })));

type State =
  | { step: "detecting" }
  | { step: "sign-in" }
  | { step: "loading" }
  | { step: "ready"; session: Session }
  | { step: "failed"; message: string };

export const App = () => {
  const [host, setHost] = useState<HostContext | null>(null);
  const [teamsTheme, setTeamsTheme] = useState<ThemeName>("light");
  // Until the host is known, and outside Teams, the browser's preference decides.
  const browserTheme = useBrowserTheme(host?.kind !== "teams");
  const theme = host?.kind === "teams" ? teamsTheme : browserTheme;
  const [state, setState] = useState<State>({ step: "detecting" });
  const [start, setStart] = useState<StartRoute | null>(null);
  const [configPort, setConfigPort] = useState<ChannelConfigPort>(browserConfigPort);

  const ready = useCallback((loaded: LoadedSession): State => {
    const refreshSettings = async () => {
      const settings = await loaded.api.settings();
      setState((current) =>
        current.step === "ready" && current.session.api === loaded.api
          ? { step: "ready", session: { ...current.session, settings } }
          : current,
      );
    };
    return { step: "ready", session: { ...loaded, refreshSettings } };
  }, []);

  const begin = useCallback(
    async (context: HostContext) => {
      setState({ step: "loading" });
      try {
        if (context.kind === "teams") {
          setState(ready(await loadSession(context.getToken, [])));
          return;
        }
        const token = browserSession.read();
        if (!token) return setState({ step: "sign-in" });
        const users = await fetchDevUsers().catch(() => []);
        setState(ready(await loadSession(async () => token, users)));
      } catch (error) {
        if (context.kind === "browser") {
          browserSession.clear();
          return setState({ step: "sign-in" });
        }
        setState({ step: "failed", message: String(error) });
      }
    },
    [ready],
  );

  useEffect(() => {
    void detectHost().then((context) => {
      setHost(context);
      // Once per load, before the shell reads the hash: a deep link opens its detail (a
      // second run, React's development double effect, must not forget where Back goes).
      const route = startRoute(window.location.hash, context);
      if (route.hash !== window.location.hash) window.history.replaceState(null, "", route.hash);
      setStart((previous) => previous ?? route);
      if (context.kind === "teams") {
        setTeamsTheme(context.theme);
        context.onThemeChange(setTeamsTheme);
        setConfigPort(teamsConfigPort(context));
      }
      void begin(context);
    });
  }, [begin]);

  useTeamsPreferences(host, state.step === "ready" ? state.session.api.putPreferences : null);

  const locale = toLocale(
    state.step === "ready" && host?.kind !== "teams" ? state.session.me.locale : host?.locale,
  );
  const signOut = () => {
    browserSession.clear();
    setState({ step: "sign-in" });
  };

  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: "100vh" }}>
      <I18nProvider
        locale={locale}
        timeZone={state.step === "ready" ? readerTimeZone(host, state.session.settings) : undefined}
      >
        {(state.step === "detecting" || state.step === "loading") && <Spinner />}
        {state.step === "sign-in" && host && (
          <SignInPage
            onSignedIn={(token) => {
              browserSession.write(token);
              void begin(host);
            }}
          />
        )}
        {state.step === "failed" && host && (
          <ErrorPanel message={state.message} onRetry={() => void begin(host)} />
        )}
        {state.step === "ready" && start && (
          <SessionProvider session={state.session}>
            <Suspense fallback={<Spinner />}>
              <Shell
                localMode={host?.kind === "browser"}
                onSignOut={signOut}
                start={start}
                configPort={configPort}
              />
            </Suspense>
          </SessionProvider>
        )}
      </I18nProvider>
    </FluentProvider>
  );
};
