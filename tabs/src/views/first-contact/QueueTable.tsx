import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { Opportunity } from "../../api/api-types.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { QueueRow, type RowAction } from "./QueueRow.js";

// Short lists render every row; past this, only the visible rows are in the DOM, with
// aria-rowcount/aria-rowindex so screen readers still know the table's real size.
export const VIRTUALIZE_FROM = 100;
const ROW_HEIGHT = 48;

const COLUMNS: MessageKey[] = [
  "column.waiting",
  "column.contact",
  "column.company",
  "column.email",
  "column.phone",
  "column.source",
  "column.campaign",
  "column.owner",
  "column.actions",
];

// The height of the rows not rendered; hidden from assistive technology, never focusable.
const Spacer = (props: { height: number }) => (
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain <tr> without tabindex is not focusable
  <tr aria-hidden="true" style={{ height: props.height }} />
);

export const QueueTable = (props: {
  caption: string;
  items: Opportunity[];
  withActions: boolean;
  onAction: (action: RowAction, opportunity: Opportunity) => void;
}) => {
  const { t } = useI18n();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = props.items.length >= VIRTUALIZE_FROM;
  const virtualizer = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1200, height: 800 },
    enabled: virtual,
  });
  const visible = virtual
    ? virtualizer.getVirtualItems().map((item) => item.index)
    : props.items.map((_item, index) => index);
  const range = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = range[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (range.at(-1)?.end ?? 0) : 0;

  return (
    <div ref={scrollRef} style={virtual ? { maxHeight: "75vh", overflow: "auto" } : undefined}>
      <Table aria-label={props.caption} aria-rowcount={props.items.length + 1} size="small">
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
            const opportunity = props.items[index];
            return opportunity ? (
              <QueueRow
                key={opportunity.id}
                opportunity={opportunity}
                now={now}
                rowIndex={index + 2}
                withActions={props.withActions}
                onAction={props.onAction}
              />
            ) : null;
          })}
          {padBottom > 0 && <Spacer height={padBottom} />}
        </TableBody>
      </Table>
    </div>
  );
};
