import { Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";

const useStyles = makeStyles({
  fields: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "36rem" },
  days: { maxWidth: "10rem" },
});

/**
 * Where the tenant's notifications go besides the bot's chat (issue 21: the activity feed),
 * and how long their delivery records are kept (issue 23: retention).
 */
export const NotificationsSection = (props: {
  activityFeed: boolean;
  retentionDays: number;
  retentionError: string | undefined;
  onChange: (patch: { activityFeed?: boolean; retentionDays?: number }) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <Field hint={t("settings.activityFeedHint")}>
        <Checkbox
          label={t("settings.activityFeed")}
          checked={props.activityFeed}
          onChange={(_event, data) => props.onChange({ activityFeed: data.checked === true })}
        />
      </Field>
      <Field
        label={t("settings.retentionDays")}
        hint={t("settings.retentionDaysHint")}
        validationMessage={props.retentionError}
      >
        <Input
          className={styles.days}
          type="number"
          inputMode="numeric"
          min={7}
          max={3650}
          contentAfter={t("settings.days")}
          value={Number.isFinite(props.retentionDays) ? String(props.retentionDays) : ""}
          onChange={(_event, data) => props.onChange({ retentionDays: Number(data.value) })}
        />
      </Field>
    </div>
  );
};
