import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { type Countdown, formatCountdown } from "./marketplace-clock.js";

/**
 * One of the server's marks on its own line: "… in 7h 30m (time)" while it is ahead, the
 * `passed` words once it has passed (the sweep may not have run yet), never a negative count.
 */
export const CountdownTime = (props: {
  countdown: Countdown;
  ahead: (countdown: string, time: string) => string;
  passed: (time: string) => string;
}) => {
  const { locale, timeZone } = useI18n();
  const iso = props.countdown.at.toISOString();
  const time = formatDateTime(iso, locale, timeZone);
  return (
    <div>
      <time dateTime={iso}>
        {props.countdown.left > 0
          ? props.ahead(formatCountdown(props.countdown.left, locale), time)
          : props.passed(time)}
      </time>
    </div>
  );
};
