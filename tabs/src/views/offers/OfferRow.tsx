import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Offer } from "../../api/routing-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { type OfferAnswer, offerTitle } from "./answer-offer.js";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "nowrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXS,
  },
  title: {
    display: "block",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * What the offer is for. A seller cannot read an opportunity before accepting it (SPEC §7), so
 * only managers get a link; the id names the offer for its buttons' description.
 */
export const OfferTitle = (props: { offer: Offer; link: boolean; id: string }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const title = offerTitle(props.offer, t);
  return props.link ? (
    <Link
      id={props.id}
      href={`#/opportunities/${encodeURIComponent(props.offer.opportunityId)}`}
      title={t("offers.open", { title })}
      className={styles.title}
    >
      {title}
    </Link>
  ) : (
    <span id={props.id} className={styles.title} title={title}>
      {title}
    </span>
  );
};

/**
 * Accept and Decline keep exactly those names; the opportunity they act on is their
 * description (aria-describedby), so a screen reader says which one.
 */
export const OfferActions = (props: {
  offer: Offer;
  titleId: string;
  busy: boolean;
  onAnswer: (offer: Offer, answer: OfferAnswer) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { offer } = props;
  return (
    <div className={styles.actions}>
      <Button
        size="small"
        appearance="primary"
        aria-describedby={props.titleId}
        disabled={props.busy}
        onClick={() => props.onAnswer(offer, "accept")}
      >
        {t("offers.accept")}
      </Button>
      <Button
        size="small"
        aria-describedby={props.titleId}
        disabled={props.busy}
        onClick={() => props.onAnswer(offer, "decline")}
      >
        {t("offers.decline")}
      </Button>
    </div>
  );
};
