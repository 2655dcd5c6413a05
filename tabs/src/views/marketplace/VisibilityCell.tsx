import type { MarketplaceApplication } from "@dealflow/contract";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { CountdownTime } from "./CountdownTime.js";
import { countdownTo } from "./marketplace-clock.js";

/**
 * The client's visibility in a list row: the state in one word (Hidden, Revealed, Withheld),
 * and while hidden the time left to the client reminder and to the automatic reveal. A row
 * has no timeline, so a passed reminder says the time passed rather than that it was sent.
 */
export const VisibilityCell = (props: { application: MarketplaceApplication; now: Date }) => {
  const { t, locale, timeZone } = useI18n();
  const { application } = props;

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
  const reminder = countdownTo(application.reminderAt, props.now);
  const reveal = countdownTo(application.revealAt, props.now);
  return (
    <div>
      <div>{t("marketplace.cell.hidden")}</div>
      {reminder && (
        <CountdownTime
          countdown={reminder}
          ahead={(countdown, time) => t("marketplace.cell.reminder", { countdown, time })}
          passed={(time) => t("marketplace.cell.reminderPassed", { time })}
        />
      )}
      {reveal && (
        <CountdownTime
          countdown={reveal}
          ahead={(countdown, time) => t("marketplace.cell.reveal", { countdown, time })}
          passed={(time) => t("marketplace.cell.revealDue", { time })}
        />
      )}
    </div>
  );
};
