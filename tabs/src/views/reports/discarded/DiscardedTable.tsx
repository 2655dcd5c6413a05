import {
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import type { DiscardedContact } from "../../../api/reports-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { formatDateTime } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useReportFormat } from "../use-report-format.js";

// As the queues: short lists render every row; past this only the visible ones, with
// aria-rowcount/aria-rowindex so screen readers still know the table's real size.
export const VIRTUALIZE_FROM = 100;
const ROW_HEIGHT = 44;

const COLUMNS: MessageKey[] = [
  "reports.column.discardedAt",
  "column.contact",
  "column.company",
  "column.email",
  "column.phone",
  "column.source",
  "column.campaign",
  "field.reason",
  "column.owner",
];

const useStyles = makeStyles({
  // Columns as wide as their content; long emails break instead of running into the next cell.
  table: { tableLayout: "auto", overflowWrap: "anywhere" },
});

const Spacer = (props: { height: number }) => (
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain <tr> without tabindex is not focusable
  <tr aria-hidden="true" style={{ height: props.height }} />
);

const DiscardedRow = (props: { item: DiscardedContact; rowIndex: number }) => {
  const { t, locale, timeZone } = useI18n();
  const format = useReportFormat();
  const { item } = props;
  const reason = format.reasonLabel(item.reason);
  return (
    <TableRow aria-rowindex={props.rowIndex} data-opportunity-id={item.opportunityId}>
      <TableCell>
        <time dateTime={item.discardedAt}>
          {formatDateTime(item.discardedAt, locale, timeZone)}
        </time>
      </TableCell>
      <TableCell>
        <Link
          href={`#/opportunities/${encodeURIComponent(item.opportunityId)}`}
          title={t("detail.open", { name: item.contact.name })}
        >
          {item.contact.name}
        </Link>
      </TableCell>
      <TableCell>{item.contact.company ?? ""}</TableCell>
      <TableCell>{item.contact.email ?? ""}</TableCell>
      <TableCell>{item.contact.phone ?? ""}</TableCell>
      <TableCell>{format.sourceLabel(item.source)}</TableCell>
      <TableCell>{item.campaign ?? ""}</TableCell>
      <TableCell>{item.reasonText ? `${reason}: ${item.reasonText}` : reason}</TableCell>
      <TableCell>
        {item.ownerId ? format.ownerName(item.ownerId) : t("reports.unassigned")}
      </TableCell>
    </TableRow>
  );
};

/** The discarded contacts, newest first; each contact links to its opportunity. */
export const DiscardedTable = (props: { caption: string; items: DiscardedContact[] }) => {
  const { t } = useI18n();
  const styles = useStyles();
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
  const range = virtual ? virtualizer.getVirtualItems() : [];
  const visible = virtual ? range.map((row) => row.index) : props.items.map((_item, i) => i);
  const padTop = range[0]?.start ?? 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (range.at(-1)?.end ?? 0) : 0;

  return (
    <div ref={scrollRef} style={virtual ? { maxHeight: "70vh", overflow: "auto" } : undefined}>
      <Table
        className={styles.table}
        aria-label={props.caption}
        aria-rowcount={props.items.length + 1}
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
            const item = props.items[index];
            return item ? (
              <DiscardedRow key={item.opportunityId} item={item} rowIndex={index + 2} />
            ) : null;
          })}
          {padBottom > 0 && <Spacer height={padBottom} />}
        </TableBody>
      </Table>
    </div>
  );
};
