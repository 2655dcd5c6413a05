import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { Opportunity, Pipeline } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { canMove, cardFacts } from "./card-facts.js";
import { MoveToMenu } from "./MoveToMenu.js";
import type { CardHandlers } from "./PipelineColumn.js";
import type { StageColumn } from "./use-pipeline-columns.js";

// As in the queues: past this, only the visible rows are in the DOM, with aria-rowcount and
// aria-rowindex so screen readers still know the table's real size.
export const VIRTUALIZE_ROWS_FROM = 100;
const ROW_HEIGHT = 48;

const COLUMNS: MessageKey[] = [
  "column.contact",
  "pipeline.column.title",
  "column.stage",
  "column.owner",
  "pipeline.column.value",
  "pipeline.column.age",
  "column.actions",
];

const Spacer = (props: { height: number }) => (
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain <tr> without tabindex is not focusable
  <tr aria-hidden="true" style={{ height: props.height }} />
);

/** The pipeline as one table, stage by stage in the pipeline's order. */
export const PipelineList = (
  props: { pipeline: Pipeline; columns: Readonly<Record<string, StageColumn>> } & Omit<
    CardHandlers,
    "stages" | "focusId"
  >,
) => {
  const { t, locale } = useI18n();
  const { me, userNames } = useSession();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { pipeline } = props;
  const rows = pipeline.stages.flatMap((stage) =>
    (props.columns[stage.id]?.items ?? []).map((opportunity) => ({ opportunity, stage })),
  );
  const virtual = rows.length >= VIRTUALIZE_ROWS_FROM;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1200, height: 800 },
    enabled: virtual,
  });
  const visible = virtual
    ? virtualizer.getVirtualItems().map((item) => item.index)
    : rows.map((_row, index) => index);
  const range = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = range[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (range.at(-1)?.end ?? 0) : 0;

  const row = (opportunity: Opportunity, stageName: string, index: number) => {
    const facts = cardFacts(opportunity, { t, locale, now: props.now, userNames });
    const nameId = `row-${opportunity.id}`;
    return (
      <TableRow key={opportunity.id} aria-rowindex={index + 2} data-opportunity-id={opportunity.id}>
        <TableCell>
          <Link id={nameId} href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}>
            {opportunity.contact.name}
          </Link>
        </TableCell>
        <TableCell>{opportunity.title}</TableCell>
        <TableCell>{stageName}</TableCell>
        <TableCell>{facts.owner}</TableCell>
        <TableCell>{facts.value ?? ""}</TableCell>
        <TableCell>
          <time dateTime={opportunity.receivedAt}>{facts.elapsed}</time>
        </TableCell>
        <TableCell>
          {canMove(opportunity, me) && (
            <MoveToMenu
              opportunity={opportunity}
              stages={pipeline.stages}
              describedBy={nameId}
              disabled={props.busyId === opportunity.id}
              onMove={props.onMove}
            />
          )}
        </TableCell>
      </TableRow>
    );
  };

  return (
    <div ref={scrollRef} style={virtual ? { maxHeight: "75vh", overflow: "auto" } : undefined}>
      <Table
        aria-label={t("pipeline.list", { pipeline: pipeline.name, count: rows.length })}
        aria-rowcount={rows.length + 1}
        size="small"
      >
        <TableHeader>
          <TableRow aria-rowindex={1}>
            {COLUMNS.map((key) => (
              <TableHeaderCell key={key}>{t(key)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {padTop > 0 && <Spacer height={padTop} />}
          {visible.map((index) => {
            const item = rows[index];
            return item ? row(item.opportunity, item.stage.name, index) : null;
          })}
          {padBottom > 0 && <Spacer height={padBottom} />}
        </TableBody>
      </Table>
    </div>
  );
};
