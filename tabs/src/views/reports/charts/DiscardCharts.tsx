import type { DiscardedContact, SourcesReport } from "../../../api/reports-api.js";
import { useI18n } from "../../../i18n/i18n.js";
import { type ReportFormat, useReportFormat } from "../use-report-format.js";
import { BarChart } from "./BarChart.js";
import {
  type DiscardRow,
  discardsByCampaign,
  discardsByReason,
  discardsBySource,
} from "./chart-data.js";

const DiscardRowsChart = (props: {
  id: string;
  title: string;
  groupColumn: string;
  rows: DiscardRow[];
  format: ReportFormat;
}) => {
  const { t } = useI18n();
  const { format } = props;
  const share = (row: DiscardRow) =>
    t("reports.discarded.ofReceived", {
      count: format.count(row.discarded),
      percent: format.percent(row.percent),
    });
  return (
    <BarChart
      id={props.id}
      title={props.title}
      description={t("reports.discarded.byGroupHint")}
      empty={t("reports.empty.received")}
      groups={props.rows.map((row) => ({
        key: row.key,
        label: row.label,
        bars: [{ series: null, value: row.discarded, text: share(row), tone: "warning" }],
      }))}
      table={{
        columns: [
          props.groupColumn,
          t("reports.column.received"),
          t("reports.column.discarded"),
          t("reports.column.discardedShare"),
        ],
        rows: props.rows.map((row) => ({
          key: row.key,
          cells: [
            row.label,
            format.count(row.received),
            format.count(row.discarded),
            format.percent(row.percent),
          ],
        })),
      }}
    />
  );
};

/** SPEC §4.7: what was discarded, by source, by campaign and why. */
export const DiscardCharts = (props: {
  report: SourcesReport;
  discarded: readonly DiscardedContact[];
  /** More discards than were read: the reasons chart covers the newest ones only. */
  partial: boolean;
}) => {
  const { t } = useI18n();
  const format = useReportFormat();
  const reasons = discardsByReason(props.discarded, format.reasonLabel, format.sourceLabel);
  return (
    <>
      <DiscardRowsChart
        id="discarded-by-source"
        title={t("reports.chart.discardedBySource")}
        groupColumn={t("column.source")}
        rows={discardsBySource(props.report, format.sourceLabel)}
        format={format}
      />
      <DiscardRowsChart
        id="discarded-by-campaign"
        title={t("reports.chart.discardedByCampaign")}
        groupColumn={t("column.campaign")}
        rows={discardsByCampaign(props.report, t("reports.noCampaign"))}
        format={format}
      />
      <BarChart
        id="discard-reasons"
        title={t("reports.chart.discardReasons")}
        description={
          props.partial
            ? t("reports.reasons.partial", { count: format.count(props.discarded.length) })
            : t("reports.reasons.hint")
        }
        empty={t("reports.empty.discarded")}
        groups={reasons.map((row) => ({
          key: row.key,
          label: row.label,
          bars: [
            {
              series: null,
              value: row.count,
              text: `${format.count(row.count)} (${format.percent(row.percent)})`,
              tone: "warning",
            },
          ],
        }))}
        table={{
          columns: [
            t("field.reason"),
            t("reports.column.discarded"),
            t("reports.column.share"),
            t("reports.column.bySource"),
          ],
          wrapColumns: [3],
          rows: reasons.map((row) => ({
            key: row.key,
            cells: [
              row.label,
              format.count(row.count),
              format.percent(row.percent),
              row.bySource
                .map((source) => `${source.label} ${format.count(source.count)}`)
                .join(", "),
            ],
          })),
        }}
      />
    </>
  );
};
