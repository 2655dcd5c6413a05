import { FluentProvider, Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { browserSession, fetchDevUsers } from "../auth/browser-session.js";
import { SignInPage } from "../auth/SignInPage.js";
import type { HostContext, ThemeName } from "../host/host-context.js";
import { detectHost } from "../host/teams-host.js";
import { I18nProvider, toLocale } from "../i18n/i18n.js";
import { Shell } from "../shell/Shell.js";
import { ErrorPanel } from "./ErrorPanel.js";
import { loadSession } from "./load-session.js";
import { type Session, SessionProvider } from "./session.js";
import { fluentTheme } from "./themes.js";

type State =
  | { step: "detecting" }
  | { step: "sign-in" }
  | { step: "loading" }
  | { step: "ready"; session: Session }
  | { step: "failed"; message: string };

export const App = () => {
  const [host, setHost] = useState<HostContext | null>(null);
  const [theme, setTheme] = useState<ThemeName>("light");
  const [state, setState] = useState<State>({ step: "detecting" });

  const start = useCallback(async (context: HostContext) => {
    setState({ step: "loading" });
    try {
      if (context.kind === "teams") {
        setState({ step: "ready", session: await loadSession(context.getToken, []) });
        return;
      }
      const token = browserSession.read();
      if (!token) return setState({ step: "sign-in" });
      const users = await fetchDevUsers().catch(() => []);
      setState({ step: "ready", session: await loadSession(async () => token, users) });
    } catch (error) {
      if (context.kind === "browser") {
        browserSession.clear();
        return setState({ step: "sign-in" });
      }
      setState({ step: "failed", message: String(error) });
    }
  }, []);

  useEffect(() => {
    void detectHost().then((context) => {
      setHost(context);
      if (context.kind === "teams") {
        setTheme(context.theme);
        context.onThemeChange(setTheme);
      }
      void start(context);
    });
  }, [start]);

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
        timeZone={state.step === "ready" ? state.session.settings.timeZone : undefined}
      >
        {(state.step === "detecting" || state.step === "loading") && <Spinner />}
        {state.step === "sign-in" && host && (
          <SignInPage
            onSignedIn={(token) => {
              browserSession.write(token);
              void start(host);
            }}
          />
        )}
        {state.step === "failed" && host && (
          <ErrorPanel message={state.message} onRetry={() => void start(host)} />
        )}
        {state.step === "ready" && (
          <SessionProvider session={state.session}>
            <Shell localMode={host?.kind === "browser"} onSignOut={signOut} />
          </SessionProvider>
        )}
      </I18nProvider>
    </FluentProvider>
  );
};
