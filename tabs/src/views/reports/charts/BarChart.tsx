import { makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import { useI18n } from "../../../i18n/i18n.js";
import { ChartDataTable, type ChartTable } from "./ChartDataTable.js";

/** What a bar means, drawn in a theme colour; its printed text says it too. */
export type BarTone = "brand" | "success" | "danger" | "warning" | "neutral";

export type ChartBar = {
  /** Printed before the value when a group has several bars ("Won: 25 %"). */
  series: string | null;
  /** null: nothing to draw (no data), the text still says so. */
  value: number | null;
  text: string;
  tone: BarTone;
};
export type ChartGroup = { key: string; label: string; bars: ChartBar[] };

// Fluent tokens are CSS variables: they follow the light, dark and high-contrast themes.
// Under Windows forced colours every bar takes the text colour: the printed values carry it.
const tone = (fill: string) => ({ fill, "@media (forced-colors: active)": { fill: "CanvasText" } });

// Drawn at 1:1 in a column of 35rem; a narrower column scales the whole image down.
const WIDTH = 560;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 170;
const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const GROUP_GAP = 12;
const MAX_LABEL = 20;

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalS, minWidth: 0 },
  // The chart, then its table across the section: beside the chart, a table of six numbers
  // had a laptop's half width and wrapped its headers into cramped cells.
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalL,
    alignItems: "start",
  },
  svg: { width: "100%", maxWidth: `${WIDTH}px`, height: "auto", overflow: "visible" },
  text: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "13px",
    "@media (forced-colors: active)": { fill: "CanvasText" },
  },
  brand: tone(tokens.colorBrandBackground),
  success: tone(tokens.colorPaletteGreenBackground3),
  danger: tone(tokens.colorPaletteRedBackground3),
  warning: tone(tokens.colorPaletteDarkOrangeBackground3),
  neutral: tone(tokens.colorNeutralForeground3),
  marker: {
    stroke: tokens.colorNeutralForeground2,
    strokeDasharray: "4 3",
    strokeWidth: 1.5,
    "@media (forced-colors: active)": { stroke: "CanvasText" },
  },
});

const barText = (bar: ChartBar) => (bar.series ? `${bar.series}: ${bar.text}` : bar.text);
const shorten = (label: string) =>
  label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;

/** The image's text alternative: every group with every printed value. */
export const chartSummary = (
  title: string,
  groups: readonly ChartGroup[],
  marker?: { label: string },
) =>
  [
    `${title}.`,
    groups.map((group) => `${group.label}: ${group.bars.map(barText).join(", ")}`).join("; "),
    marker ? `(${marker.label})` : "",
  ]
    .filter(Boolean)
    .join(" ");

/**
 * A horizontal bar chart drawn as inline SVG (no chart library: the tab's bundle stays small),
 * followed by the same numbers as a table. The SVG is one image with a text alternative; its
 * values are printed beside the bars, so colour is never the only carrier of meaning.
 */
export const BarChart = (props: {
  id: string;
  title: string;
  description?: string;
  groups: ChartGroup[];
  /** The value of a full-length bar; defaults to the biggest value. */
  max?: number;
  /** A reference line (a target) with its label. */
  marker?: { value: number; label: string };
  table: ChartTable;
  empty: string;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const headingId = `${props.id}-title`;
  const values = props.groups.flatMap((group) => group.bars.map((bar) => bar.value ?? 0));
  const max = Math.max(props.max ?? 0, ...values, props.marker?.value ?? 0, 1);
  const scale = (value: number) => (value / max) * BAR_AREA;
  const top = props.marker ? 22 : 4;
  let y = top;
  const placed = props.groups.map((group) => {
    const start = y;
    y += group.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + GROUP_GAP;
    return { group, start };
  });
  const height = Math.max(y - GROUP_GAP + 4, top + BAR_HEIGHT);

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle1 as="h2" id={headingId}>
        {props.title}
      </Subtitle1>
      {props.description && <Text>{props.description}</Text>}
      {props.groups.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        <div className={styles.body}>
          <svg
            role="img"
            aria-label={chartSummary(props.title, props.groups, props.marker)}
            viewBox={`0 0 ${WIDTH} ${height}`}
            className={styles.svg}
          >
            {placed.map(({ group, start }) => (
              <g key={group.key} data-group={group.label}>
                <text
                  className={styles.text}
                  x={LABEL_WIDTH - 8}
                  y={start + (group.bars.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP) / 2}
                  dominantBaseline="middle"
                  textAnchor="end"
                >
                  {shorten(group.label)}
                </text>
                {group.bars.map((bar, index) => {
                  const barY = start + index * (BAR_HEIGHT + BAR_GAP);
                  const width = bar.value ? Math.max(scale(bar.value), 2) : 0;
                  return (
                    <g key={bar.series ?? index}>
                      <rect
                        x={LABEL_WIDTH}
                        y={barY}
                        width={width}
                        height={BAR_HEIGHT}
                        rx={2}
                        className={styles[bar.tone]}
                        data-value={bar.value ?? ""}
                      />
                      <text
                        className={styles.text}
                        x={LABEL_WIDTH + width + 6}
                        y={barY + BAR_HEIGHT / 2}
                        dominantBaseline="middle"
                        data-bar-text=""
                      >
                        {barText(bar)}
                      </text>
                    </g>
                  );
                })}
              </g>
            ))}
            {props.marker && (
              <g>
                <line
                  className={styles.marker}
                  x1={LABEL_WIDTH + scale(props.marker.value)}
                  x2={LABEL_WIDTH + scale(props.marker.value)}
                  y1={top - 6}
                  y2={height}
                />
                <text className={styles.text} x={LABEL_WIDTH + scale(props.marker.value)} y={10}>
                  {props.marker.label}
                </text>
              </g>
            )}
          </svg>
          <ChartDataTable
            label={t("reports.chart.table", { title: props.title })}
            table={props.table}
          />
        </div>
      )}
    </section>
  );
};
