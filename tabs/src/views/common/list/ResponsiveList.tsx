/*
 * A list made for its job (issue 17; Pipedrive's and HubSpot's lists): a table whose columns
 * have priorities and drop out as the list narrows, text cut with an ellipsis (TruncatedText),
 * and, on a phone, one card per item. Both forms keep only the rows in view in the DOM from
 * VIRTUALIZE_FROM items.
 *
 *   <ResponsiveList
 *     caption="First contact: 12 opportunities"    // the table's / the card list's name
 *     items={items} itemKey={(o) => o.id}
 *     columns={[{ id: "contact", header: "Contact", priority: 1, minWidth: 180, grow: 2,
 *                 render: (o) => <ContactCell o={o} /> }, …]}
 *     rowHeight={52}                                // every row's height (virtual rows)
 *     rowAttributes={(o) => ({ "data-opportunity-id": o.id })}
 *     renderCard={(o) => <QueueCard o={o} />} cardHeight={120}
 *   />
 *
 * Without a layout to measure (jsdom) it stays a table with every column.
 */
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { type ReactNode, useRef } from "react";
import { TruncatedText } from "../TruncatedText.js";
import { useElementWidth } from "../use-width.js";
import { SpacerRow, useVirtualRows } from "../virtual-rows.js";
import { CardList } from "./CardList.js";
import { type ColumnFit, fitColumns } from "./fit-columns.js";

export type ListColumn<T> = ColumnFit & {
  header: string;
  /** Numbers and actions sit at the end of their cell. */
  align?: "end";
  render: (item: T) => ReactNode;
};

/** Narrower than this (px), a list shows cards. */
export const CARDS_BELOW = 560;

const useStyles = makeStyles({
  frame: { width: "100%", minWidth: 0 },
  table: { tableLayout: "fixed", width: "100%" },
  cell: { overflow: "hidden", paddingBlock: tokens.spacingVerticalXS },
  end: { textAlign: "end" },
  endHeader: { "& .fui-TableHeaderCell__button": { justifyContent: "flex-end" } },
});

type Props<T> = {
  caption: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  columns: readonly ListColumn<T>[];
  rowHeight: number;
  rowAttributes?: (item: T) => Record<`data-${string}`, string>;
  renderCard: (item: T) => ReactNode;
  cardHeight: number;
  /** How tall a long list may grow before it scrolls inside itself. */
  maxHeight?: string;
};

export const ResponsiveList = <T,>(props: Props<T>) => {
  const styles = useStyles();
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  return (
    <div ref={frame} className={styles.frame}>
      {width !== null && width < CARDS_BELOW ? (
        <CardList
          caption={props.caption}
          items={props.items}
          itemKey={props.itemKey}
          renderCard={props.renderCard}
          cardHeight={props.cardHeight}
          maxHeight={props.maxHeight ?? "75dvh"}
        />
      ) : (
        <FittedTable {...props} width={width} />
      )}
    </div>
  );
};

const FittedTable = <T,>(props: Props<T> & { width: number | null }) => {
  const styles = useStyles();
  const fitted =
    props.width === null
      ? props.columns.map((column) => ({ id: column.id, percent: null }))
      : fitColumns(props.columns, props.width);
  const shown = fitted.flatMap((fit) => {
    const column = props.columns.find((candidate) => candidate.id === fit.id);
    return column ? [{ column, percent: fit.percent }] : [];
  });
  const { scrollRef, scrollStyle, visible, padTop, padBottom } = useVirtualRows(
    props.items.length,
    { rowHeight: props.rowHeight, maxHeight: props.maxHeight ?? "75vh" },
  );
  const alignOf = (column: ListColumn<T>) => (column.align === "end" ? styles.end : undefined);
  return (
    <div ref={scrollRef} style={scrollStyle}>
      <Table
        className={styles.table}
        aria-label={props.caption}
        aria-rowcount={props.items.length + 1}
        size="small"
      >
        <colgroup>
          {shown.map(({ column, percent }) => (
            <col key={column.id} style={percent === null ? undefined : { width: `${percent}%` }} />
          ))}
        </colgroup>
        <TableHeader>
          <TableRow aria-rowindex={1}>
            {shown.map(({ column }) => (
              <TableHeaderCell
                key={column.id}
                className={column.align === "end" ? styles.endHeader : undefined}
              >
                <TruncatedText text={column.header} />
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <SpacerRow height={padTop} />
          {visible.map((index) => {
            const item = props.items[index];
            if (item === undefined) return null;
            return (
              <TableRow
                key={props.itemKey(item)}
                aria-rowindex={index + 2}
                style={{ height: props.rowHeight }}
                {...props.rowAttributes?.(item)}
              >
                {shown.map(({ column }) => (
                  <TableCell key={column.id} className={mergeClasses(styles.cell, alignOf(column))}>
                    {column.render(item)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
          <SpacerRow height={padBottom} />
        </TableBody>
      </Table>
    </div>
  );
};
