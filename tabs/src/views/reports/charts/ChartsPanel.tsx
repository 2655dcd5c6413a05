import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useCallback } from "react";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import type { DiscardedContact, ReportPeriod } from "../../../api/reports-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { ReportProblem } from "../ReportProblem.js";
import { useLoad } from "../use-load.js";
import { useReportFormat } from "../use-report-format.js";
import { ConversionChart } from "./ConversionChart.js";
import { conversionRow } from "./chart-data.js";
import { DiscardCharts } from "./DiscardCharts.js";
import { FirstContactChart } from "./FirstContactChart.js";

/** The reasons chart reads the discarded list: at most this many pages of 200 per load. */
const REASON_PAGES = 5;

const readDiscards = async (api: DealflowApi, period: ReportPeriod) => {
  const items: DiscardedContact[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < REASON_PAGES; page++) {
    const read = await api.discardedContacts(period, { cursor, limit: 200 });
    items.push(...read.items);
    cursor = read.nextCursor;
    if (cursor === null) break;
  }
  return { items, partial: cursor !== null };
};

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalXXL, paddingTop: tokens.spacingVerticalM },
});

/** The charts of one period: conversions, discards and time to first contact. */
export const ChartsPanel = (props: { period: ReportPeriod }) => {
  const { t } = useI18n();
  const { api } = useSession();
  const format = useReportFormat();
  const styles = useStyles();
  const { period } = props;
  const load = useCallback(async () => {
    const [sources, times, discards] = await Promise.all([
      api.sourcesReport(period),
      api.firstContactTimesReport(period),
      readDiscards(api, period),
    ]);
    return { sources, times, discards };
  }, [api, period]);
  const { state, reload } = useLoad(load);

  if (state.status === "loading") return <Spinner label={t("app.loading")} />;
  if (state.status === "error") return <ReportProblem error={state.error} onRetry={reload} />;
  const { sources, times, discards } = state.data;
  const total = conversionRow("total", "", sources.total);
  return (
    <div className={styles.panel}>
      <Text>
        {sources.total.count === 0
          ? t("reports.empty.received")
          : t("reports.summary", {
              count: format.count(total.received),
              won: format.percent(total.percents.won),
              lost: format.percent(total.percents.lost),
              discarded: format.percent(total.percents.discarded),
              open: format.percent(total.percents.open),
            })}
      </Text>
      <ConversionChart report={sources} />
      <FirstContactChart report={times} />
      <DiscardCharts report={sources} discarded={discards.items} partial={discards.partial} />
    </div>
  );
};
