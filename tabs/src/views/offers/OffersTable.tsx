import { makeStyles, tokens } from "@fluentui/react-components";
import type { Offer } from "../../api/routing-api.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { type ListColumn, ResponsiveList } from "../common/list/ResponsiveList.js";
import { TruncatedText } from "../common/TruncatedText.js";
import { useNow } from "../common/use-now.js";
import { type OfferAnswer, offerTarget } from "./answer-offer.js";
import { OfferActions, OfferTitle } from "./OfferRow.js";
import { OfferExpiry, OfferStatus } from "./OfferTiming.js";

const ROW_HEIGHT = 52;
const CARD_HEIGHT = 140;

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  wrap: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

export const OffersTable = (props: {
  caption: string;
  items: readonly Offer[];
  linkTitles: boolean;
  answerable: (offer: Offer) => boolean;
  busyId: string | null;
  onAnswer: (offer: Offer, answer: OfferAnswer) => void;
}) => {
  const { t, locale, timeZone } = useI18n();
  const styles = useStyles();
  const now = useNow();
  const titleId = (offer: Offer, where: string) => `offer-${offer.id}-${where}`;
  const actions = (offer: Offer, where: string) =>
    props.answerable(offer) ? (
      <OfferActions
        offer={offer}
        titleId={titleId(offer, where)}
        busy={props.busyId === offer.id}
        onAnswer={props.onAnswer}
      />
    ) : null;
  const expiry = (offer: Offer) =>
    offer.status === "pending" ? <OfferExpiry offer={offer} now={now} /> : "—";
  const columns: ListColumn<Offer>[] = [
    {
      id: "opportunity",
      header: t("offers.column.opportunity"),
      priority: 1,
      minWidth: 180,
      grow: 2,
      render: (o) => <OfferTitle offer={o} link={props.linkTitles} id={titleId(o, "title")} />,
    },
    {
      id: "target",
      header: t("offers.column.target"),
      priority: 3,
      minWidth: 130,
      render: (o) => <TruncatedText text={offerTarget(o, t)} />,
    },
    {
      id: "mode",
      header: t("offers.column.mode"),
      priority: 4,
      minWidth: 100,
      grow: 0,
      render: (o) => <TruncatedText text={t(`offers.mode.${o.mode}`)} />,
    },
    {
      id: "status",
      header: t("offers.column.status"),
      priority: 2,
      minWidth: 130,
      render: (o) => (
        <span className={styles.wrap}>
          <OfferStatus offer={o} />
        </span>
      ),
    },
    {
      id: "sent",
      header: t("offers.column.sent"),
      priority: 4,
      minWidth: 130,
      grow: 0,
      render: (o) => (
        <time dateTime={o.sentAt} className={styles.wrap}>
          {formatDateTime(o.sentAt, locale, timeZone)}
        </time>
      ),
    },
    {
      id: "expires",
      header: t("offers.column.expires"),
      priority: 1,
      minWidth: 170,
      grow: 1.5,
      render: (o) => <span className={styles.wrap}>{expiry(o)}</span>,
    },
    {
      id: "actions",
      header: t("offers.column.actions"),
      priority: 1,
      minWidth: 170,
      grow: 0,
      align: "end",
      render: (o) => actions(o, "title"),
    },
  ];
  return (
    <ResponsiveList
      caption={props.caption}
      items={props.items}
      itemKey={(o) => o.id}
      columns={columns}
      rowHeight={ROW_HEIGHT}
      rowAttributes={(o) => ({ "data-offer-id": o.id })}
      cardHeight={CARD_HEIGHT}
      renderCard={(o) => (
        <article className={styles.card} aria-labelledby={titleId(o, "card")} data-offer-id={o.id}>
          <OfferTitle offer={o} link={props.linkTitles} id={titleId(o, "card")} />
          <span className={styles.muted}>
            {offerTarget(o, t)} · {t(`offers.mode.${o.mode}`)}
          </span>
          <span className={styles.wrap}>
            <OfferStatus offer={o} />
          </span>
          {o.status === "pending" && <span className={styles.wrap}>{expiry(o)}</span>}
          {actions(o, "card")}
        </article>
      )}
    />
  );
};
