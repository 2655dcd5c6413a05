import { Link, makeStyles, TableCell, TableRow } from "@fluentui/react-components";
import type { DiscardedContact } from "../../../api/reports-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { formatDateTime } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import { VirtualTable } from "../../common/VirtualTable.js";
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
  return (
    <VirtualTable
      className={styles.table}
      caption={props.caption}
      headers={COLUMNS.map((key) => t(key))}
      items={props.items}
      rowHeight={ROW_HEIGHT}
      maxHeight="70vh"
      renderRow={(item, rowIndex) => (
        <DiscardedRow key={item.opportunityId} item={item} rowIndex={rowIndex} />
      )}
    />
  );
};
