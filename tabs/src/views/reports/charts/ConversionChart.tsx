import type { SourcesReport } from "../../../api/reports-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useReportFormat } from "../use-report-format.js";
import { BarChart, type BarTone } from "./BarChart.js";
import {
  type ConversionRow,
  conversionRow,
  conversionsBySource,
  type Outcome,
} from "./chart-data.js";

const SHOWN: readonly { outcome: Outcome; label: MessageKey; tone: BarTone }[] = [
  { outcome: "won", label: "reports.outcome.won", tone: "success" },
  { outcome: "lost", label: "reports.outcome.lost", tone: "danger" },
  { outcome: "discarded", label: "reports.outcome.discarded", tone: "warning" },
  { outcome: "open", label: "reports.outcome.open", tone: "neutral" },
];

/**
 * SPEC §4.7: per source, where the opportunities received in the period stand now (won,
 * lost, discarded, still open) as shares that add up to 100 %, and the median time to
 * first contact.
 */
export const ConversionChart = (props: { report: SourcesReport }) => {
  const { t } = useI18n();
  const format = useReportFormat();
  const rows = conversionsBySource(props.report, format.sourceLabel);
  const total = conversionRow("total", t("reports.total"), props.report.total);
  const cell = (row: ConversionRow, outcome: Outcome) =>
    `${format.count(row.counts[outcome])} (${format.percent(row.percents[outcome])})`;
  return (
    <BarChart
      id="conversions"
      title={t("reports.chart.conversions")}
      description={t("reports.conversions.hint")}
      empty={t("reports.empty.received")}
      max={100}
      groups={rows.map((row) => ({
        key: row.key,
        label: t("reports.conversions.group", {
          source: row.label,
          count: format.count(row.received),
        }),
        bars: SHOWN.map(({ outcome, label, tone }) => ({
          series: t(label),
          value: row.percents[outcome],
          text: format.percent(row.percents[outcome]),
          tone,
        })),
      }))}
      table={{
        columns: [
          t("column.source"),
          t("reports.column.received"),
          ...SHOWN.map(({ label }) => t(label)),
          t("reports.column.medianFirstContact"),
        ],
        rows: [...rows, ...(rows.length > 1 ? [total] : [])].map((row) => ({
          key: row.key,
          cells: [
            row.label,
            format.count(row.received),
            ...SHOWN.map(({ outcome }) => cell(row, outcome)),
            format.minutes(row.medianMinutes),
          ],
        })),
      }}
    />
  );
};
