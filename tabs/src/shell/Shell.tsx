import { Hamburger, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useEffect, useRef, useState } from "react";
import { useSession } from "../app/session.js";
import type { StartRoute } from "../app/start-route.js";
import type { ChannelConfigPort } from "../host/channel-config-port.js";
import { useI18n } from "../i18n/i18n.js";
import { NotifyHost } from "../views/common/notify.js";
import { useIsPhone } from "../views/common/use-width.js";
import { NavButtonContext } from "../views/common/ViewHeader.js";
import { ListSkeleton } from "../views/common/view-state.js";
import { isConfigHash } from "../views/config/pipeline-tab.js";
import { LocalModeBar } from "./LocalModeBar.js";
import { opportunityFromHash, type ViewId, viewFromHash } from "./nav-items.js";
import { ShellNav } from "./ShellNav.js";
import { ChannelConfigFor, OpportunityDetailFor, ViewFor } from "./view-registry.js";

const useStyles = makeStyles({
  app: { display: "flex", flexDirection: "column", minHeight: "100dvh" },
  layout: { display: "flex", flex: "1 1 auto", minWidth: 0, alignItems: "stretch" },
  // min-width 0 lets the content shrink to the window: only a board scrolls sideways, inside.
  main: {
    flex: "1 1 auto",
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    "@media (max-width: 639.98px)": {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    },
  },
  config: { padding: tokens.spacingHorizontalL },
});

const hashOf = (url: string): string => {
  try {
    return new URL(url).hash;
  } catch {
    return "";
  }
};

export const Shell = (props: {
  localMode: boolean;
  onSignOut: () => void;
  start: StartRoute;
  configPort: ChannelConfigPort;
}) => {
  const { me } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const phone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [view, setView] = useState<ViewId>(() => viewFromHash(window.location.hash, me.role));
  const [detail, setDetail] = useState<string | null>(() =>
    opportunityFromHash(window.location.hash),
  );
  const [config, setConfig] = useState(() => isConfigHash(window.location.hash));
  // The phone's menu button: the drawer gives focus back to it when it closes.
  const menuButton = useRef<HTMLButtonElement>(null);
  const openDrawer = (open: boolean) => {
    setDrawerOpen(open);
    if (!open) requestAnimationFrame(() => menuButton.current?.focus());
  };
  // Where the detail's Back returns: the view (with its query) the detail was opened from.
  const back = useRef<string | null>(props.start.backHash);

  useEffect(() => {
    const onHash = (event: HashChangeEvent) => {
      const opportunity = opportunityFromHash(window.location.hash);
      const previous = hashOf(event.oldURL);
      if (opportunity !== null && opportunityFromHash(previous) === null && !isConfigHash(previous))
        back.current = previous || null;
      setDetail(opportunity);
      setConfig(isConfigHash(window.location.hash));
      if (opportunity === null) setView(viewFromHash(window.location.hash, me.role));
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [me.role]);

  // Leaving the phone layout with the drawer open must not leave it open for the next time.
  useEffect(() => {
    if (!phone) setDrawerOpen(false);
  }, [phone]);

  const show = (hash: string) => {
    window.history.replaceState(null, "", hash);
    back.current = null;
    setDetail(null);
    setConfig(false);
    setView(viewFromHash(hash, me.role));
  };

  const banner = props.localMode && <LocalModeBar name={me.name} onSignOut={props.onSignOut} />;
  const loading = <ListSkeleton rows={4} />;

  if (config) {
    return (
      <div className={styles.app}>
        {banner}
        <main className={styles.config}>
          <Suspense fallback={loading}>
            <ChannelConfigFor port={props.configPort} />
          </Suspense>
        </main>
        <NotifyHost />
      </div>
    );
  }

  const navButton = phone ? (
    <Hamburger
      ref={menuButton}
      aria-label={t("shell.openNav")}
      aria-expanded={drawerOpen}
      onClick={() => setDrawerOpen(true)}
    />
  ) : null;

  return (
    <div className={styles.app}>
      {banner}
      <div className={styles.layout}>
        {/* A closed overlay drawer still leaves tabster's focus guards (focusable, aria-hidden)
            at the body's edges: on a phone it exists only while open. */}
        {(!phone || drawerOpen) && (
          <ShellNav
            role={me.role}
            view={view}
            overlay={phone}
            open={drawerOpen}
            onOpenChange={openDrawer}
            onShow={show}
          />
        )}
        <main className={styles.main}>
          <NavButtonContext.Provider value={navButton}>
            <Suspense fallback={loading}>
              {detail === null ? (
                <ViewFor view={view} pipelineId={props.start.pipelineId} />
              ) : (
                <OpportunityDetailFor
                  id={detail}
                  onBack={() => show(back.current ?? `#/${view}`)}
                />
              )}
            </Suspense>
          </NavButtonContext.Provider>
        </main>
      </div>
      <NotifyHost />
    </div>
  );
};
