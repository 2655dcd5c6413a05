import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { MarketplaceApplication, Opportunity } from "../../api/api-types.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { SpacerRow, useVirtualRows } from "../common/virtual-rows.js";
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
  const { scrollRef, scrollStyle, visible, padTop, padBottom } = useVirtualRows(
    props.items.length,
    { rowHeight: ROW_HEIGHT, maxHeight: "75vh" },
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
            const item = props.items[index];
            return item ? (
              <MarketplaceRow
                key={item.opportunity.id}
                opportunity={item.opportunity}
                application={item.application}
                now={now}
                rowIndex={index + 2}
              />
            ) : null;
          })}
          <SpacerRow height={padBottom} />
        </TableBody>
      </Table>
    </div>
  );
};
