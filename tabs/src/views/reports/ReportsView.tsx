import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { ChartsPanel } from "./charts/ChartsPanel.js";
import { DiscardedPanel } from "./discarded/DiscardedPanel.js";
import { initialPeriod, type PeriodChoice, PeriodPicker } from "./period/PeriodPicker.js";
import { ForbiddenMessage } from "./ReportProblem.js";

type SubView = "charts" | "discarded";

const useStyles = makeStyles({
  view: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
  header: { paddingBottom: 0 },
});

/** SPEC §4.7, managers only: the charts and the discarded contacts list of one period. */
export const ReportsView = () => {
  const { t } = useI18n();
  const { me } = useSession();
  const styles = useStyles();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialPeriod());
  const [subView, setSubView] = useState<SubView>("charts");

  return (
    <section aria-labelledby="reports-title" className={styles.view}>
      <ViewHeader title={t("reports.title")} titleId="reports-title" className={styles.header} />
      {/* Sellers have no Reports tab; a hand-typed link still gets an answer, not a crash. */}
      {me.role !== "manager" ? (
        <ForbiddenMessage />
      ) : (
        <>
          <PeriodPicker value={choice} onChange={setChoice} />
          <TabList
            selectedValue={subView}
            onTabSelect={(_event, data) => setSubView(data.value as SubView)}
            aria-label={t("reports.subViews")}
          >
            <Tab id="reports-tab-charts" value="charts">
              {t("reports.tab.charts")}
            </Tab>
            <Tab id="reports-tab-discarded" value="discarded">
              {t("reports.tab.discarded")}
            </Tab>
          </TabList>
          <div role="tabpanel" aria-labelledby={`reports-tab-${subView}`}>
            {subView === "charts" ? (
              <ChartsPanel period={choice.period} />
            ) : (
              <DiscardedPanel period={choice.period} />
            )}
          </div>
        </>
      )}
    </section>
  );
};
