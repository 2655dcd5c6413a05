import type { Activity, MarketplaceApplication } from "@dealflow/contract";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { CountdownTime } from "./CountdownTime.js";
import { countdownTo } from "./marketplace-clock.js";

type RevealedLine = Activity & { automatic?: unknown };

/**
 * The client's visibility in words. While hidden: a live countdown to the marks the server
 * sent, the client reminder and the automatic reveal (re-rendered with `now`; not a live
 * region, which would announce every minute). Once revealed: whether the client accepted or the clock revealed them, from
 * the timeline's `contact-revealed` line when it is among the activities read.
 */
export const VisibilityState = (props: {
  application: MarketplaceApplication;
  activities: readonly Activity[];
  now: Date;
}) => {
  const { t, locale, timeZone } = useI18n();
  const { application, activities } = props;
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);

  if (application.visibility === "withheld") return <div>{t("marketplace.state.withheld")}</div>;

  if (application.visibility === "revealed") {
    const line = activities.find((activity) => activity.type === "contact-revealed") as
      | RevealedLine
      | undefined;
    const at = application.revealedAt ?? line?.at;
    const time = at ? when(at) : "—";
    const key =
      line?.automatic === true
        ? "marketplace.state.revealedAutomatically"
        : line?.automatic === false
          ? "marketplace.state.revealedByClient"
          : "marketplace.state.revealed";
    return <div>{t(key, { time })}</div>;
  }

  const reminder = countdownTo(application.reminderAt, props.now);
  const reveal = countdownTo(application.revealAt, props.now);
  const reminded = activities.find((activity) => activity.type === "client-reminded");
  return (
    <div>
      <div>{t("marketplace.state.hidden")}</div>
      {reminded ? (
        <div>
          <time dateTime={reminded.at}>
            {t("marketplace.clock.reminded", { time: when(reminded.at) })}
          </time>
        </div>
      ) : (
        reminder && (
          <CountdownTime
            countdown={reminder}
            ahead={(countdown, time) => t("marketplace.clock.reminder", { countdown, time })}
            passed={(time) => t("marketplace.clock.reminderDue", { time })}
          />
        )
      )}
      {reveal && (
        <CountdownTime
          countdown={reveal}
          ahead={(countdown, time) => t("marketplace.clock.reveal", { countdown, time })}
          passed={(time) => t("marketplace.clock.revealDue", { time })}
        />
      )}
    </div>
  );
};
