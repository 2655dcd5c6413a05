import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Opportunity } from "../../api/api-types.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { SpacerRow, useVirtualRows } from "../common/virtual-rows.js";
import { QueueRow, type RowAction } from "./QueueRow.js";

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

export const QueueTable = (props: {
  caption: string;
  items: Opportunity[];
  withActions: boolean;
  onAction: (action: RowAction, opportunity: Opportunity) => void;
}) => {
  const { t } = useI18n();
  const now = useNow();
  const { scrollRef, scrollStyle, visible, padTop, padBottom } = useVirtualRows(
    props.items.length,
    {
      rowHeight: ROW_HEIGHT,
      maxHeight: "75vh",
    },
  );

  return (
    <div ref={scrollRef} style={scrollStyle}>
      <Table aria-label={props.caption} aria-rowcount={props.items.length + 1} size="small">
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
          <SpacerRow height={padBottom} />
        </TableBody>
      </Table>
    </div>
  );
};
