import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n.js";

const useStyles = makeStyles({
  // One slim line (not a MessageBar's 40px+ that wraps to three on a phone): it says what it
  // must, who is signed in, and how to leave, and keeps the screen for the work.
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "28px",
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
    borderBottom: `1px solid ${tokens.colorStatusWarningBorder1}`,
    minWidth: 0,
  },
  text: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  grow: { flex: "1 1 auto" },
  detail: { "@media (max-width: 639.98px)": { display: "none" } },
  signOut: { flexShrink: 0, minWidth: 0, minHeight: "24px" },
});

/** Local mode: a demo user signed in outside Teams (the tests wait for "Local mode"). */
export const LocalModeBar = (props: { name: string; onSignOut: () => void }) => {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.bar} role="status">
      <Text size={200} className={mergeClasses(styles.text, styles.grow)}>
        <strong>{t("app.localMode")}</strong> · {props.name}
        <span className={styles.detail}> — {t("app.localModeDetail")}</span>
      </Text>
      <Button
        size="small"
        appearance="transparent"
        className={styles.signOut}
        onClick={props.onSignOut}
      >
        {t("app.signOut")}
      </Button>
    </div>
  );
};
