import type { MarketplaceApplication, Opportunity } from "../../api/api-types.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { VirtualTable } from "../common/VirtualTable.js";
import { MarketplaceRow } from "./MarketplaceRow.js";

/** A hidden client's row has three lines: the state, the reminder and the reveal. */
const ROW_HEIGHT = 72;

const COLUMNS: MessageKey[] = [
  "marketplace.column.opportunity",
  "marketplace.column.client",
  "marketplace.column.connector",
  "marketplace.column.visibility",
  "marketplace.column.meeting",
  "marketplace.column.fee",
  "marketplace.column.refund",
  "marketplace.column.owner",
];

export type MarketplaceItem = { opportunity: Opportunity; application: MarketplaceApplication };

export const MarketplaceTable = (props: { caption: string; items: readonly MarketplaceItem[] }) => {
  const { t } = useI18n();
  const now = useNow();
  return (
    <VirtualTable
      caption={props.caption}
      headers={COLUMNS.map((key) => t(key))}
      items={props.items}
      rowHeight={ROW_HEIGHT}
      maxHeight="75vh"
      renderRow={(item, rowIndex) => (
        <MarketplaceRow
          key={item.opportunity.id}
          opportunity={item.opportunity}
          application={item.application}
          now={now}
          rowIndex={rowIndex}
        />
      )}
    />
  );
};
