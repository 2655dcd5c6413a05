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
import type { DiscardedContact } from "../../../api/reports-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { formatDateTime } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import { SpacerRow, useVirtualRows } from "../../common/virtual-rows.js";
import { contactNameText } from "../../marketplace/marketplace-text.js";
import { useReportFormat } from "../use-report-format.js";

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

const DiscardedRow = (props: { item: DiscardedContact; rowIndex: number }) => {
  const { t, locale, timeZone } = useI18n();
  const format = useReportFormat();
  const { item } = props;
  const reason = format.reasonLabel(item.reason);
  // The report's rows say nothing of visibility: the server's placeholder name tells.
  const name = contactNameText(item.contact.name, t);
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
          title={t("detail.open", { name })}
        >
          {name}
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
  const { scrollRef, scrollStyle, visible, padTop, padBottom } = useVirtualRows(
    props.items.length,
    {
      rowHeight: ROW_HEIGHT,
      maxHeight: "70vh",
    },
  );

  return (
    <div ref={scrollRef} style={scrollStyle}>
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
          <SpacerRow height={padTop} />
          {visible.map((index) => {
            const item = props.items[index];
            return item ? (
              <DiscardedRow key={item.opportunityId} item={item} rowIndex={index + 2} />
            ) : null;
          })}
          <SpacerRow height={padBottom} />
        </TableBody>
      </Table>
    </div>
  );
};
