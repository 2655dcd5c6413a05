import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatElapsed } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { elapsedTone, type FirstContactDue } from "./elapsed-tone.js";

const useStyles = makeStyles({
  base: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  // Amber that keeps 4.5:1 on the background in light and dark (Marigold does not on white).
  "past-target": { color: tokens.colorStatusWarningForeground3, fontWeight: "600" },
  "past-escalation": { color: tokens.colorPaletteRedForeground1, fontWeight: "700" },
  "within-target": {},
});

/**
 * Live time since reception; the tone (from the target and escalation instants the server
 * answered) is also spelled out, not only shown as a colour.
 */
export const ElapsedCell = (props: { receivedAt: string; due: FirstContactDue; now: Date }) => {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const tone = elapsedTone(props.due, props.now);
  const elapsed = formatElapsed(props.now.getTime() - new Date(props.receivedAt).getTime(), locale);
  const label =
    tone === "past-escalation"
      ? t("elapsed.escalation")
      : tone === "past-target"
        ? t("elapsed.target")
        : null;
  return (
    <time
      dateTime={props.receivedAt}
      data-tone={tone}
      className={mergeClasses(styles.base, styles[tone])}
      title={label ?? undefined}
    >
      {elapsed}
      {label && <span className="visually-hidden"> ({label})</span>}
    </time>
  );
};
