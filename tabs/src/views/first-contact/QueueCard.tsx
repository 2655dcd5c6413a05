import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";
import { ContactCell } from "../opportunities/cells.js";
import { ElapsedCell } from "./ElapsedCell.js";
import { QueueActions, type RowAction } from "./QueueActions.js";

const useStyles = makeStyles({
  card: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  top: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  middle: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  phone: { fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
});

/**
 * A lead on a phone: who and where from, how long they have waited, the number to call, and
 * the three first-contact actions on one line beneath.
 */
export const QueueCard = (props: {
  opportunity: Opportunity;
  now: Date;
  withActions: boolean;
  onAction: (action: RowAction, opportunity: Opportunity) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { opportunity } = props;
  const phone = opportunity.contact.phone;
  return (
    <article
      className={styles.card}
      aria-labelledby={`queue-card-${opportunity.id}`}
      data-opportunity-id={opportunity.id}
    >
      <div className={styles.top}>
        <ContactCell
          opportunity={opportunity}
          now={props.now}
          nameId={`queue-card-${opportunity.id}`}
        />
        <ElapsedCell
          receivedAt={opportunity.receivedAt}
          now={props.now}
          due={opportunity.firstContact}
        />
      </div>
      <div className={styles.middle}>
        {/* On the road, the number to call is one tap away. */}
        {phone ? (
          <Link href={`tel:${phone.replace(/[^\d+]/g, "")}`} className={styles.phone}>
            {phone}
          </Link>
        ) : (
          <span />
        )}
        <Button
          size="small"
          appearance="subtle"
          onClick={() => props.onAction("details", opportunity)}
        >
          {t("action.details")}
        </Button>
      </div>
      <QueueActions
        opportunity={opportunity}
        withActions={props.withActions}
        onAction={props.onAction}
        layout="card"
        details={false}
      />
    </article>
  );
};
