import {
  Button,
  Link,
  makeStyles,
  TableCell,
  TableRow,
  Tooltip,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { Opportunity } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { MarketplaceBadge } from "../marketplace/MarketplaceBadge.js";
import { isClientHidden } from "../marketplace/marketplace-clock.js";
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
  // Read by screen readers as the disabled actions' description, never shown.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

type FirstContactAction = Exclude<RowAction, "details">;

/**
 * One of the three first-contact actions. While a marketplace client is hidden nobody can have
 * contacted them (the server refuses too): the button stays focusable but disabled, in the
 * default disabled look, with the reason as its tooltip and description.
 */
const ActionButton = (props: {
  label: string;
  className: string;
  blockedBy: { id: string; reason: string } | null;
  onClick: () => void;
}) => {
  const { blockedBy } = props;
  if (blockedBy === null) {
    return (
      <Button size="small" className={props.className} onClick={props.onClick}>
        {props.label}
      </Button>
    );
  }
  return (
    <Tooltip content={blockedBy.reason} relationship="inaccessible" withArrow>
      <Button size="small" disabledFocusable aria-describedby={blockedBy.id}>
        {props.label}
      </Button>
    </Tooltip>
  );
};

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
  const reasonId = useId();
  const blockedBy = isClientHidden(opportunity)
    ? { id: reasonId, reason: t("firstContact.hiddenClient") }
    : null;
  const action = (key: FirstContactAction, label: string, className: string) => (
    <ActionButton label={label} className={className} blockedBy={blockedBy} onClick={act(key)} />
  );
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
              {action("ready-for-proposal", t("action.readyForProposal"), styles.ready)}
              {action("second-contact", t("action.secondContact"), styles.second)}
              {action("discard", t("action.discard"), styles.discard)}
              {blockedBy && (
                <span id={blockedBy.id} className={styles.visuallyHidden}>
                  {blockedBy.reason}
                </span>
              )}
            </>
          )}
        </div>
      </TableCell>
    </TableRow>
  );
};
