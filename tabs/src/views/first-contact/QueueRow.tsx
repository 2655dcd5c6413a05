import { Button, makeStyles, TableCell, TableRow, tokens } from "@fluentui/react-components";
import type { Opportunity } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { ElapsedCell } from "./ElapsedCell.js";

export type RowAction = "details" | "ready-for-proposal" | "second-contact" | "discard";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  ready: {
    backgroundColor: tokens.colorPaletteGreenBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  second: {
    backgroundColor: tokens.colorPaletteDarkOrangeForeground1,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  discard: {
    backgroundColor: tokens.colorPaletteRedForeground1,
    color: tokens.colorNeutralForegroundOnBrand,
  },
});

export const QueueRow = (props: {
  opportunity: Opportunity;
  now: Date;
  withActions: boolean;
  rowIndex: number;
  onAction: (action: RowAction, opportunity: Opportunity) => void;
}) => {
  const { t } = useI18n();
  const { settings, userNames } = useSession();
  const styles = useStyles();
  const { opportunity } = props;
  const source = settings.sources.find((item) => item.id === opportunity.source)?.label;
  const act = (action: RowAction) => () => props.onAction(action, opportunity);
  return (
    <TableRow aria-rowindex={props.rowIndex} data-opportunity-id={opportunity.id}>
      <TableCell>
        <ElapsedCell
          receivedAt={opportunity.receivedAt}
          now={props.now}
          durations={settings.durations}
        />
      </TableCell>
      <TableCell>{opportunity.contact.name}</TableCell>
      <TableCell>{opportunity.contact.company ?? ""}</TableCell>
      <TableCell>{opportunity.contact.email ?? ""}</TableCell>
      <TableCell>{opportunity.contact.phone ?? ""}</TableCell>
      <TableCell>{source ?? opportunity.source}</TableCell>
      <TableCell>{opportunity.campaign ?? ""}</TableCell>
      <TableCell>{userNames.get(opportunity.ownerId) ?? ""}</TableCell>
      <TableCell>
        <div className={styles.actions}>
          <Button size="small" onClick={act("details")}>
            {t("action.details")}
          </Button>
          {props.withActions && (
            <>
              <Button size="small" className={styles.ready} onClick={act("ready-for-proposal")}>
                {t("action.readyForProposal")}
              </Button>
              <Button size="small" className={styles.second} onClick={act("second-contact")}>
                {t("action.secondContact")}
              </Button>
              <Button size="small" className={styles.discard} onClick={act("discard")}>
                {t("action.discard")}
              </Button>
            </>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
};
