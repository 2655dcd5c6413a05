import type { Opportunity } from "../../api/api-types.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { VirtualTable } from "../common/VirtualTable.js";
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
  return (
    <VirtualTable
      caption={props.caption}
      headers={COLUMNS.map((key) => t(key))}
      items={props.items}
      rowHeight={ROW_HEIGHT}
      maxHeight="75vh"
      renderRow={(opportunity, rowIndex) => (
        <QueueRow
          key={opportunity.id}
          opportunity={opportunity}
          now={now}
          rowIndex={rowIndex}
          withActions={props.withActions}
          onAction={props.onAction}
        />
      )}
    />
  );
};
