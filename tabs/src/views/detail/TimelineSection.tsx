import type { Activity } from "@dealflow/contract";
import { Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { Section, useDetailStyles } from "./detail-layout.js";
import { describeActivity } from "./timeline/describe-activity.js";
import { timelineNames } from "./timeline/timeline-words.js";

/** The opportunity's timeline, newest first as the API reads it: one sentence per line. */
export const TimelineSection = (props: { activities: readonly Activity[] }) => {
  const { t, locale, timeZone } = useI18n();
  const { settings, userNames } = useSession();
  const styles = useDetailStyles();
  const lines = useMemo(() => {
    const ctx = { t, locale, timeZone, settings, userNames };
    const names = timelineNames(props.activities);
    return props.activities.map((activity) => ({
      activity,
      text: describeActivity(activity, { ...ctx, names }),
    }));
  }, [props.activities, t, locale, timeZone, settings, userNames]);
  return (
    <Section id="detail-timeline" heading={t("detail.timeline")}>
      {lines.length === 0 ? (
        <Text>{t("detail.noActivity")}</Text>
      ) : (
        <ol className={styles.list}>
          {lines.map(({ activity, text }) => (
            <li key={activity.id} className={styles.entry}>
              <time dateTime={activity.at} className={styles.caption}>
                {formatDateTime(activity.at, locale, timeZone)}
              </time>{" "}
              <span>{text}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
};
