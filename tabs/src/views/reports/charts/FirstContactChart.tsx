import type { FirstContactTimesReport } from "../../../api/reports-api.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useReportFormat } from "../use-report-format.js";
import { BarChart } from "./BarChart.js";
import { firstContactByOwner } from "./chart-data.js";

/** SPEC §4.7: time to first contact per owner (median and 90th percentile) against the target. */
export const FirstContactChart = (props: { report: FirstContactTimesReport }) => {
  const { t } = useI18n();
  const format = useReportFormat();
  const rows = firstContactByOwner(props.report, format.ownerName);
  const target = format.minutes(props.report.targetMinutes);
  return (
    <BarChart
      id="first-contact-times"
      title={t("reports.chart.firstContact")}
      description={t("reports.firstContact.hint", { target })}
      empty={t("reports.empty.received")}
      marker={{
        value: props.report.targetMinutes,
        label: t("reports.firstContact.target", { target }),
      }}
      groups={rows.map((row) => ({
        key: row.key,
        label: row.label,
        bars: [
          {
            series: t("reports.column.median"),
            value: row.medianMinutes,
            text: format.minutes(row.medianMinutes),
            tone: "brand",
          },
          {
            series: t("reports.column.p90"),
            value: row.p90Minutes,
            text: format.minutes(row.p90Minutes),
            tone: "neutral",
          },
        ],
      }))}
      table={{
        columns: [
          t("column.owner"),
          t("reports.column.received"),
          t("reports.column.contacted"),
          t("reports.column.median"),
          t("reports.column.p90"),
          t("reports.column.breaches"),
        ],
        rows: rows.map((row) => ({
          key: row.key,
          cells: [
            row.label,
            format.count(row.received),
            format.count(row.contacted),
            format.minutes(row.medianMinutes),
            format.minutes(row.p90Minutes),
            format.count(row.breaches),
          ],
        })),
      }}
    />
  );
};
