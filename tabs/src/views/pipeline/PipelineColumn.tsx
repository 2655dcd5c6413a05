import type { OpportunityListItem as Opportunity, Stage } from "@dealflow/contract";
import { makeStyles, mergeClasses, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { formatAmount } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { CardSkeleton } from "../common/view-state.js";
import { OpportunityCard } from "./OpportunityCard.js";
import { totalValue } from "./stage-summary.js";
import type { StageColumn } from "./use-pipeline-columns.js";

// Short columns render every card; past this, only the cards scrolled into view are in the
// DOM, each with aria-setsize/aria-posinset so screen readers still know the column's size.
export const VIRTUALIZE_FROM = 50;
const CARD_HEIGHT = 128;

const useStyles = makeStyles({
  column: {
    flex: "0 0 16.5rem",
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // A phone shows one stage across the whole width.
  fill: { flex: "1 1 auto", width: "100%", boxSizing: "border-box" },
  heading: { margin: 0 },
  scroll: { maxHeight: "70vh", overflowY: "auto" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  virtualList: { listStyle: "none", margin: 0, padding: 0, position: "relative" },
  virtualItem: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    paddingBottom: tokens.spacingVerticalS,
  },
});

export type CardHandlers = {
  stages: readonly Stage[];
  now: Date;
  busyId: string | null;
  focusId: string | null;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
};

/** One stage of the board: its name, how many and how much, and its cards. */
export const PipelineColumn = (
  props: { stage: Stage; column: StageColumn | undefined; fill?: boolean } & CardHandlers,
) => {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const items = props.column?.items ?? [];
  const virtual = items.length >= VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT,
    overscan: 5,
    initialRect: { width: 272, height: 700 },
    enabled: virtual,
  });
  const headingId = `stage-${props.stage.id}`;
  const count = props.column?.truncated
    ? t("pipeline.count.more", { count: items.length })
    : t("pipeline.count", { count: items.length });
  const totals = totalValue(items).map((money) => formatAmount(money, locale));

  const card = (opportunity: Opportunity) => (
    <OpportunityCard
      opportunity={opportunity}
      stages={props.stages}
      now={props.now}
      busy={props.busyId === opportunity.id}
      focus={props.focusId === opportunity.id}
      onMove={props.onMove}
    />
  );

  return (
    <section
      className={mergeClasses(styles.column, props.fill && styles.fill)}
      aria-labelledby={headingId}
    >
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {props.stage.name}
      </Subtitle2>
      <Text size={200} data-testid="column-summary">
        {count}
        {totals.length > 0 && ` · ${t("pipeline.total", { amount: totals.join(" + ") })}`}
      </Text>
      {props.column === undefined && <CardSkeleton cards={2} />}
      {props.column?.complete && items.length === 0 && (
        <Text size={200}>{t("pipeline.empty")}</Text>
      )}
      {items.length > 0 && (
        <div ref={scrollRef} className={styles.scroll}>
          {virtual ? (
            <ul
              className={styles.virtualList}
              aria-label={t("pipeline.cards", { stage: props.stage.name })}
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((row) => {
                const opportunity = items[row.index];
                return opportunity ? (
                  <li
                    key={opportunity.id}
                    ref={virtualizer.measureElement}
                    data-index={row.index}
                    aria-setsize={items.length}
                    aria-posinset={row.index + 1}
                    className={styles.virtualItem}
                    style={{ transform: `translateY(${row.start}px)` }}
                  >
                    {card(opportunity)}
                  </li>
                ) : null;
              })}
            </ul>
          ) : (
            <ul
              className={styles.list}
              aria-label={t("pipeline.cards", { stage: props.stage.name })}
            >
              {items.map((opportunity) => (
                <li key={opportunity.id}>{card(opportunity)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
};
