import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { CSSProperties, ReactNode } from "react";
import { SpacerRow, useVirtualRows } from "./virtual-rows.js";

/**
 * A table of rows of one kind: every row while short, only those in view once long
 * (useVirtualRows). The header is row 1, so `renderRow` gets each item's aria-rowindex
 * (its index + 2) to put on its TableRow, with the item's own key.
 */
export const VirtualTable = <T,>(props: {
  /** The table's accessible name. */
  caption: string;
  /** The header cells' text, in column order. */
  headers: readonly string[];
  items: readonly T[];
  rowHeight: number;
  /** How tall the table may grow before it scrolls inside itself (when virtualized). */
  maxHeight: string;
  renderRow: (item: T, rowIndex: number) => ReactNode;
  className?: string;
  /** Extra style on the scrolling container (e.g. sideways scrolling in a narrow pane). */
  containerStyle?: CSSProperties;
}) => {
  const { scrollRef, scrollStyle, visible, padTop, padBottom } = useVirtualRows(
    props.items.length,
    { rowHeight: props.rowHeight, maxHeight: props.maxHeight },
  );
  const style =
    props.containerStyle === undefined ? scrollStyle : { ...props.containerStyle, ...scrollStyle };
  return (
    <div ref={scrollRef} style={style}>
      <Table
        className={props.className}
        aria-label={props.caption}
        aria-rowcount={props.items.length + 1}
        size="small"
      >
        <TableHeader>
          <TableRow aria-rowindex={1}>
            {props.headers.map((header) => (
              <TableHeaderCell key={header}>{header}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <SpacerRow height={padTop} />
          {visible.map((index) => {
            const item = props.items[index];
            return item === undefined ? null : props.renderRow(item, index + 2);
          })}
          <SpacerRow height={padBottom} />
        </TableBody>
      </Table>
    </div>
  );
};
