import { Text } from "@fluentui/react-components";
import type { Activity } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { Section, useDetailStyles } from "./detail-layout.js";

export const TimelineSection = (props: { activities: readonly Activity[] }) => {
  const { t, locale, timeZone } = useI18n();
  const { userNames } = useSession();
  const styles = useDetailStyles();
  const actor = (id: string | null) => (id ? (userNames.get(id) ?? id) : t("detail.system"));
  return (
    <Section id="detail-timeline" heading={t("detail.timeline")}>
      {props.activities.length === 0 ? (
        <Text>{t("detail.noActivity")}</Text>
      ) : (
        <ol className={styles.list}>
          {props.activities.map((activity) => (
            <li key={activity.id}>
              <time dateTime={activity.at}>{formatDateTime(activity.at, locale, timeZone)}</time>{" "}
              {t("detail.activity", { type: activity.type, actor: actor(activity.actorId) })}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
};
