import type { OpportunityListItem as Opportunity, Stage } from "@dealflow/contract";
import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { TruncatedText } from "../common/TruncatedText.js";
import { MarketplaceBadge } from "../marketplace/MarketplaceBadge.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";
import { NextTaskCell } from "../opportunities/cells.js";
import { canMove, cardFacts } from "./card-facts.js";
import { MoveToMenu } from "./MoveToMenu.js";

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
  },
  title: { fontSize: tokens.fontSizeBase200 },
  name: {
    display: "block",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { marginTop: tokens.spacingVerticalXS },
});

/** One opportunity on the board: who, what, whose, how much, since when; open it or move it. */
export const OpportunityCard = (props: {
  opportunity: Opportunity;
  stages: readonly Stage[];
  now: Date;
  busy: boolean;
  /** Focus the card's link when it lands here after a move (keyboard users keep their place). */
  focus: boolean;
  onMove: (opportunity: Opportunity, stage: Stage) => void;
}) => {
  const { t, locale, timeZone } = useI18n();
  const { userNames } = useSession();
  const styles = useStyles();
  const link = useRef<HTMLAnchorElement>(null);
  const { opportunity } = props;
  const facts = cardFacts(opportunity, { t, locale, now: props.now, userNames });
  const nameId = `card-${opportunity.id}`;
  const name = contactDisplayName(opportunity, t);

  useEffect(() => {
    if (props.focus) link.current?.focus();
  }, [props.focus]);

  return (
    <article className={styles.card} aria-labelledby={nameId} data-opportunity-id={opportunity.id}>
      <Link
        ref={link}
        id={nameId}
        href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}
        className={styles.name}
        title={name}
      >
        {name}
      </Link>
      {opportunity.title && opportunity.title !== opportunity.contact.name && (
        <TruncatedText text={opportunity.title} className={styles.title} />
      )}
      {opportunity.marketplace && (
        <div>
          <MarketplaceBadge opportunity={opportunity} now={props.now} />
        </div>
      )}
      <div className={styles.facts}>
        {facts.value && (
          <Text size={300} weight="semibold">
            {facts.value}
          </Text>
        )}
        <Text size={200} className={styles.muted}>
          {t("pipeline.owner", { name: facts.owner })}
        </Text>
        {/* The first-contact clock only while the first contact is still to be made. */}
        {opportunity.firstContact?.state === "awaiting" && (
          <Text size={200} className={styles.muted}>
            <time
              dateTime={opportunity.receivedAt}
              title={formatDateTime(opportunity.receivedAt, locale, timeZone)}
            >
              {t("pipeline.age", { elapsed: facts.elapsed })}
            </time>
          </Text>
        )}
      </div>
      <NextTaskCell opportunity={opportunity} now={props.now} />
      {canMove(opportunity) && (
        <div className={styles.actions}>
          <MoveToMenu
            opportunity={opportunity}
            stages={props.stages}
            describedBy={nameId}
            disabled={props.busy}
            onMove={props.onMove}
          />
        </div>
      )}
    </article>
  );
};
