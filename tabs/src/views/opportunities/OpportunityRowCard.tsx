import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSession } from "../../app/session.js";
import { formatAmount } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { TruncatedText } from "../common/TruncatedText.js";
import { ElapsedCell } from "../first-contact/ElapsedCell.js";
import { ContactCell, NextTaskCell, useCellStyles } from "./cells.js";
import { stageNameOf } from "./opportunity-columns.js";

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  end: { display: "grid", justifyItems: "end", textAlign: "end", minWidth: 0, gap: "2px" },
});

/**
 * An opportunity on a phone: who and where it stands, what it is worth, and the one fact
 * that matters next, its next task and when it is due; `actions` (Move to) at the end.
 */
export const OpportunityRowCard = (props: {
  opportunity: Opportunity;
  now: Date;
  actions?: ReactNode;
}) => {
  const { locale } = useI18n();
  const { settings } = useSession();
  const styles = useStyles();
  const cells = useCellStyles();
  const { opportunity } = props;
  return (
    <article
      className={styles.card}
      aria-labelledby={`card-${opportunity.id}`}
      data-opportunity-id={opportunity.id}
    >
      <div className={styles.row}>
        <ContactCell opportunity={opportunity} now={props.now} nameId={`card-${opportunity.id}`} />
        <div className={styles.end}>
          <TruncatedText text={stageNameOf(settings, opportunity)} />
          {opportunity.value && (
            <span className={cells.number}>{formatAmount(opportunity.value, locale)}</span>
          )}
        </div>
      </div>
      <div className={styles.row}>
        <NextTaskCell opportunity={opportunity} now={props.now} />
        <div className={styles.end}>
          {/* The first-contact clock only while the first contact is still to be made. */}
          {opportunity.firstContact?.state === "awaiting" && (
            <ElapsedCell
              receivedAt={opportunity.receivedAt}
              now={props.now}
              due={opportunity.firstContact}
            />
          )}
          {props.actions}
        </div>
      </div>
    </article>
  );
};
