import type { Offer } from "../../api/routing-api.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { VirtualTable } from "../common/VirtualTable.js";
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
  return (
    <VirtualTable
      caption={props.caption}
      headers={COLUMNS.map((key) => t(key))}
      items={props.items}
      rowHeight={ROW_HEIGHT}
      maxHeight="75vh"
      renderRow={(offer, rowIndex) => (
        <OfferRow
          key={offer.id}
          offer={offer}
          now={now}
          rowIndex={rowIndex}
          linkTitle={props.linkTitles}
          answerable={props.answerable(offer)}
          busy={props.busyId === offer.id}
          onAnswer={props.onAnswer}
        />
      )}
    />
  );
};
