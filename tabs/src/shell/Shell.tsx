import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Suspense, useEffect, useRef, useState } from "react";
import { useSession } from "../app/session.js";
import type { StartRoute } from "../app/start-route.js";
import type { ChannelConfigPort } from "../host/channel-config-port.js";
import { useI18n } from "../i18n/i18n.js";
import { isConfigHash } from "../views/config/pipeline-tab.js";
import { navItemsFor, opportunityFromHash, type ViewId, viewFromHash } from "./nav-items.js";
import { ChannelConfigFor, OpportunityDetailFor, ViewFor } from "./view-registry.js";

const useStyles = makeStyles({
  layout: { display: "grid", gridTemplateColumns: "13rem 1fr", minHeight: "100vh" },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  main: { padding: tokens.spacingHorizontalL, minWidth: 0 },
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
  const [view, setView] = useState<ViewId>(() => viewFromHash(window.location.hash, me.role));
  const [detail, setDetail] = useState<string | null>(() =>
    opportunityFromHash(window.location.hash),
  );
  const [config, setConfig] = useState(() => isConfigHash(window.location.hash));
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

  const show = (hash: string) => {
    window.history.replaceState(null, "", hash);
    back.current = null;
    setDetail(null);
    setConfig(false);
    setView(viewFromHash(hash, me.role));
  };

  const banner = props.localMode && (
    <MessageBar intent="warning" role="status">
      <MessageBarBody>
        <strong>{t("app.localMode")}</strong> — {t("app.localModeDetail")} {me.name}.{" "}
        <Button size="small" appearance="transparent" onClick={props.onSignOut}>
          {t("app.signOut")}
        </Button>
      </MessageBarBody>
    </MessageBar>
  );

  if (config) {
    return (
      <>
        {banner}
        <main className={styles.config}>
          <Suspense fallback={<Spinner label={t("app.loading")} />}>
            <ChannelConfigFor port={props.configPort} />
          </Suspense>
        </main>
      </>
    );
  }

  return (
    <>
      {banner}
      <div className={styles.layout}>
        <nav className={styles.nav} aria-label={t("nav.label")}>
          <Text weight="semibold">{t("app.title")}</Text>
          <TabList
            vertical
            selectedValue={view}
            onTabSelect={(_event, data) => show(`#/${data.value as ViewId}`)}
          >
            {navItemsFor(me.role).map((item) => (
              <Tab key={item.id} value={item.id}>
                {t(item.label)}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={styles.main}>
          <Suspense fallback={<Spinner label={t("app.loading")} />}>
            {detail === null ? (
              <ViewFor view={view} pipelineId={props.start.pipelineId} />
            ) : (
              <OpportunityDetailFor id={detail} onBack={() => show(back.current ?? `#/${view}`)} />
            )}
          </Suspense>
        </main>
      </div>
    </>
  );
};
