import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Opportunity, Stage } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { MarketplaceBadge } from "../marketplace/MarketplaceBadge.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";
import { canMove, cardFacts } from "./card-facts.js";
import { MoveToMenu } from "./MoveToMenu.js";

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
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
  const { me, userNames } = useSession();
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
      <Link ref={link} id={nameId} href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}>
        {name}
      </Link>
      {opportunity.title && opportunity.title !== opportunity.contact.name && (
        <Text size={200}>{opportunity.title}</Text>
      )}
      {opportunity.marketplace && (
        <div>
          <MarketplaceBadge opportunity={opportunity} now={props.now} />
        </div>
      )}
      <div className={styles.facts}>
        <Text size={200} className={styles.muted}>
          {t("pipeline.owner", { name: facts.owner })}
        </Text>
        {facts.value && (
          <Text size={200} weight="semibold">
            {facts.value}
          </Text>
        )}
        <Text size={200} className={styles.muted}>
          <time
            dateTime={opportunity.receivedAt}
            title={formatDateTime(opportunity.receivedAt, locale, timeZone)}
          >
            {t("pipeline.age", { elapsed: facts.elapsed })}
          </time>
        </Text>
      </div>
      {canMove(opportunity, me) && (
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
