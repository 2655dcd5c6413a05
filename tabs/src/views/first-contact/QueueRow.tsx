import { Button, Link, makeStyles, TableCell, TableRow, tokens } from "@fluentui/react-components";
import type { Opportunity } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { MarketplaceBadge } from "../marketplace/MarketplaceBadge.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";
import { ElapsedCell } from "./ElapsedCell.js";

export type RowAction = "details" | "ready-for-proposal" | "second-contact" | "discard";

const coloured = (backgroundColor: string) => ({
  backgroundColor,
  color: tokens.colorNeutralForegroundOnBrand,
  ":hover": {
    backgroundColor,
    color: tokens.colorNeutralForegroundOnBrand,
    filter: "brightness(0.9)",
  },
  ":hover:active": {
    backgroundColor,
    color: tokens.colorNeutralForegroundOnBrand,
    filter: "brightness(0.8)",
  },
});

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  // White on the palette colour keeps 4.5:1 in light and dark; hover/pressed keep it too
  // (Fluent's own hover turns the background grey under the white text).
  ready: coloured(tokens.colorPaletteGreenBackground3),
  second: coloured(tokens.colorPaletteDarkOrangeBackground3),
  discard: coloured(tokens.colorPaletteRedBackground3),
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
  const name = contactDisplayName(opportunity, t);
  return (
    <TableRow aria-rowindex={props.rowIndex} data-opportunity-id={opportunity.id}>
      <TableCell>
        <ElapsedCell
          receivedAt={opportunity.receivedAt}
          now={props.now}
          durations={settings.durations}
        />
      </TableCell>
      <TableCell>
        <Link
          href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}
          title={t("detail.open", { name })}
        >
          {name}
        </Link>
        <MarketplaceBadge opportunity={opportunity} now={props.now} />
      </TableCell>
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
