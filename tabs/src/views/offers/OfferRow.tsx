import { Button, Link, makeStyles, TableCell, TableRow, tokens } from "@fluentui/react-components";
import type { Offer } from "../../api/routing-api.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { type OfferAnswer, offerTarget, offerTitle } from "./answer-offer.js";
import { OfferExpiry, OfferStatus } from "./OfferTiming.js";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

/**
 * One offer. Accept and Decline keep exactly those names; the opportunity they act on is
 * their description (aria-describedby), so a screen reader says which one. A seller cannot
 * read an opportunity before accepting it (SPEC §7), so only managers get a link.
 */
export const OfferRow = (props: {
  offer: Offer;
  now: Date;
  rowIndex: number;
  linkTitle: boolean;
  /** Whether the viewer may answer it (pending, and theirs or any for a manager). */
  answerable: boolean;
  busy: boolean;
  onAnswer: (offer: Offer, answer: OfferAnswer) => void;
}) => {
  const { t, locale, timeZone } = useI18n();
  const styles = useStyles();
  const { offer } = props;
  const title = offerTitle(offer, t);
  const titleId = `offer-${offer.id}-title`;
  return (
    <TableRow aria-rowindex={props.rowIndex} data-offer-id={offer.id}>
      <TableCell>
        {props.linkTitle ? (
          <Link
            id={titleId}
            href={`#/opportunities/${encodeURIComponent(offer.opportunityId)}`}
            title={t("offers.open", { title })}
          >
            {title}
          </Link>
        ) : (
          <span id={titleId}>{title}</span>
        )}
      </TableCell>
      <TableCell>{offerTarget(offer, t)}</TableCell>
      <TableCell>{t(`offers.mode.${offer.mode}`)}</TableCell>
      <TableCell>
        <OfferStatus offer={offer} />
      </TableCell>
      <TableCell>
        <time dateTime={offer.sentAt}>{formatDateTime(offer.sentAt, locale, timeZone)}</time>
      </TableCell>
      <TableCell>
        {offer.status === "pending" ? <OfferExpiry offer={offer} now={props.now} /> : "—"}
      </TableCell>
      <TableCell>
        {props.answerable && (
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              aria-describedby={titleId}
              disabled={props.busy}
              onClick={() => props.onAnswer(offer, "accept")}
            >
              {t("offers.accept")}
            </Button>
            <Button
              size="small"
              aria-describedby={titleId}
              disabled={props.busy}
              onClick={() => props.onAnswer(offer, "decline")}
            >
              {t("offers.decline")}
            </Button>
          </div>
        )}
      </TableCell>
    </TableRow>
  );
};
