import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Offer } from "../../api/routing-api.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { SpacerRow, useVirtualRows } from "../common/virtual-rows.js";
import type { OfferAnswer } from "./answer-offer.js";
import { OfferRow } from "./OfferRow.js";

const ROW_HEIGHT = 48;

const COLUMNS: MessageKey[] = [
  "offers.column.opportunity",
  "offers.column.target",
  "offers.column.mode",
  "offers.column.status",
  "offers.column.sent",
  "offers.column.expires",
  "offers.column.actions",
];

export const OffersTable = (props: {
  caption: string;
  items: readonly Offer[];
  linkTitles: boolean;
  answerable: (offer: Offer) => boolean;
  busyId: string | null;
  onAnswer: (offer: Offer, answer: OfferAnswer) => void;
}) => {
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
            const offer = props.items[index];
            return offer ? (
              <OfferRow
                key={offer.id}
                offer={offer}
                now={now}
                rowIndex={index + 2}
                linkTitle={props.linkTitles}
                answerable={props.answerable(offer)}
                busy={props.busyId === offer.id}
                onAnswer={props.onAnswer}
              />
            ) : null;
          })}
          <SpacerRow height={padBottom} />
        </TableBody>
      </Table>
    </div>
  );
};
