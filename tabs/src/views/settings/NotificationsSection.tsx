import { Checkbox, Field, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";

const useStyles = makeStyles({
  fields: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "36rem" },
});

/** Where the tenant's notifications go besides the bot's chat (issue 21: the activity feed). */
export const NotificationsSection = (props: {
  activityFeed: boolean;
  onChange: (activityFeed: boolean) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.fields}>
      <Field hint={t("settings.activityFeedHint")}>
        <Checkbox
          label={t("settings.activityFeed")}
          checked={props.activityFeed}
          onChange={(_event, data) => props.onChange(data.checked === true)}
        />
      </Field>
    </div>
  );
};
