import type { MarketplaceApplication } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { connectorFacts, formatCountdown, visibilityClock } from "./marketplace-clock.js";

/**
 * The client's visibility in a list row: the state in one word (Hidden, Revealed, Withheld),
 * and while hidden the time left to the client reminder and to the automatic reveal. A row
 * has no timeline, so a passed reminder says the time passed rather than that it was sent.
 */
export const VisibilityCell = (props: { application: MarketplaceApplication; now: Date }) => {
  const { t, locale, timeZone } = useI18n();
  const { settings } = useSession();
  const { application } = props;
  const when = (date: Date) => formatDateTime(date.toISOString(), locale, timeZone);

  if (application.visibility === "withheld") return <>{t("marketplace.cell.withheld")}</>;
  if (application.visibility === "revealed") {
    const at = application.revealedAt;
    return (
      <>
        {at
          ? t("marketplace.cell.revealedAt", { time: formatDateTime(at, locale, timeZone) })
          : t("marketplace.cell.revealed")}
      </>
    );
  }
  const clock = visibilityClock(
    application,
    connectorFacts(settings, application.connectorKey),
    props.now,
  );
  return (
    <div>
      <div>{t("marketplace.cell.hidden")}</div>
      <div>
        <time dateTime={clock.remindAt.toISOString()}>
          {clock.toReminder > 0
            ? t("marketplace.cell.reminder", {
                countdown: formatCountdown(clock.toReminder, locale),
                time: when(clock.remindAt),
              })
            : t("marketplace.cell.reminderPassed", { time: when(clock.remindAt) })}
        </time>
      </div>
      <div>
        <time dateTime={clock.revealAt.toISOString()}>
          {clock.toReveal > 0
            ? t("marketplace.cell.reveal", {
                countdown: formatCountdown(clock.toReveal, locale),
                time: when(clock.revealAt),
              })
            : t("marketplace.cell.revealDue", { time: when(clock.revealAt) })}
        </time>
      </div>
    </div>
  );
};
