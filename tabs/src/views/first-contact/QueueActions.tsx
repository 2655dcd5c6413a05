import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, makeStyles, mergeClasses, Tooltip, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { isClientHidden } from "../marketplace/marketplace-clock.js";

export type RowAction = "details" | "ready-for-proposal" | "second-contact" | "discard";
type FirstContactAction = Exclude<RowAction, "details">;

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
  // One line at every width (CONTRACTS "Tabs": the three actions on every row): on a narrow
  // card the buttons share the line and a label may wrap inside its button, never below it.
  actions: {
    display: "flex",
    flexWrap: "nowrap",
    alignItems: "stretch",
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  end: { justifyContent: "flex-end" },
  fill: { "& > *": { flex: "1 1 auto", minWidth: 0 } },
  button: { whiteSpace: "nowrap", minWidth: "auto", paddingInline: tokens.spacingHorizontalS },
  wrap: { whiteSpace: "normal", lineHeight: tokens.lineHeightBase200 },
  // White on the palette colour keeps 4.5:1 in light and dark; hover/pressed keep it too
  // (Fluent's own hover turns the background grey under the white text).
  ready: coloured(tokens.colorPaletteGreenBackground3),
  second: coloured(tokens.colorPaletteDarkOrangeBackground3),
  discard: coloured(tokens.colorPaletteRedBackground3),
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

/**
 * One of the three first-contact actions. While a marketplace client is hidden nobody can have
 * contacted them (the server refuses too): the button stays focusable but disabled, in the
 * default disabled look, with the reason as its tooltip and description.
 */
const ActionButton = (props: {
  label: string;
  /** Layout only: a blocked button keeps Fluent's disabled look, not its action's colour. */
  className: string;
  colour: string;
  blockedBy: { id: string; reason: string } | null;
  onClick: () => void;
}) => {
  const { blockedBy } = props;
  if (blockedBy === null) {
    return (
      <Button
        size="small"
        className={mergeClasses(props.className, props.colour)}
        onClick={props.onClick}
      >
        {props.label}
      </Button>
    );
  }
  return (
    <Tooltip content={blockedBy.reason} relationship="inaccessible" withArrow>
      <Button
        size="small"
        className={props.className}
        disabledFocusable
        aria-describedby={blockedBy.id}
      >
        {props.label}
      </Button>
    </Tooltip>
  );
};

/**
 * Ready for proposal, Second contact and Discard, one click each, on one line (and Details
 * unless `details` is false: a phone's card puts it beside the contact instead).
 */
export const QueueActions = (props: {
  opportunity: Opportunity;
  withActions: boolean;
  onAction: (action: RowAction, opportunity: Opportunity) => void;
  /** A table row: natural widths, at the end; a card: the buttons share the whole line. */
  layout: "row" | "card";
  details?: boolean;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { opportunity } = props;
  const reasonId = useId();
  const blockedBy = isClientHidden(opportunity)
    ? { id: reasonId, reason: t("firstContact.hiddenClient") }
    : null;
  const card = props.layout === "card";
  const look = mergeClasses(styles.button, card && styles.wrap);
  const act = (action: RowAction) => () => props.onAction(action, opportunity);
  const action = (key: FirstContactAction, label: string, colour: string) => (
    <ActionButton
      label={label}
      className={look}
      colour={colour}
      blockedBy={blockedBy}
      onClick={act(key)}
    />
  );
  return (
    <div className={mergeClasses(styles.actions, card ? styles.fill : styles.end)}>
      {props.details !== false && (
        <Button size="small" className={look} onClick={act("details")}>
          {t("action.details")}
        </Button>
      )}
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
  );
};
