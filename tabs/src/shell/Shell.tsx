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
import { Suspense, useEffect, useState } from "react";
import { useSession } from "../app/session.js";
import { useI18n } from "../i18n/i18n.js";
import { navItemsFor, opportunityFromHash, type ViewId, viewFromHash } from "./nav-items.js";
import { OpportunityDetailFor, ViewFor } from "./view-registry.js";

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
});

export const Shell = (props: { localMode: boolean; onSignOut: () => void }) => {
  const { me } = useSession();
  const { t } = useI18n();
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(() => viewFromHash(window.location.hash, me.role));
  const [detail, setDetail] = useState<string | null>(() =>
    opportunityFromHash(window.location.hash),
  );

  useEffect(() => {
    const onHash = () => {
      const opportunity = opportunityFromHash(window.location.hash);
      setDetail(opportunity);
      if (opportunity === null) setView(viewFromHash(window.location.hash, me.role));
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [me.role]);

  const select = (next: ViewId) => {
    window.history.replaceState(null, "", `#/${next}`);
    setDetail(null);
    setView(next);
  };

  return (
    <>
      {props.localMode && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            <strong>{t("app.localMode")}</strong> — {t("app.localModeDetail")} {me.name}.{" "}
            <Button size="small" appearance="transparent" onClick={props.onSignOut}>
              {t("app.signOut")}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.layout}>
        <nav className={styles.nav} aria-label={t("nav.label")}>
          <Text weight="semibold">{t("app.title")}</Text>
          <TabList
            vertical
            selectedValue={view}
            onTabSelect={(_event, data) => select(data.value as ViewId)}
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
              <ViewFor view={view} />
            ) : (
              <OpportunityDetailFor id={detail} onBack={() => select(view)} />
            )}
          </Suspense>
        </main>
      </div>
    </>
  );
};
