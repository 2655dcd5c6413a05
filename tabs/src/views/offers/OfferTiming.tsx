import type { Offer } from "../../api/routing-api.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { formatTimeLeft } from "./offer-clock.js";

/**
 * A pending offer's deadline in words and time ("Expires in 2d 23h (5 Mar 2026, 09:00)"),
 * re-rendered with `now`; not a live region, which would announce every half minute. Past the
 * deadline (before the sweep expired it) it says so instead of counting below zero.
 */
export const OfferExpiry = (props: { offer: Pick<Offer, "expiresAt">; now: Date }) => {
  const { t, locale, timeZone } = useI18n();
  const { expiresAt } = props.offer;
  const left = Date.parse(expiresAt) - props.now.getTime();
  const time = formatDateTime(expiresAt, locale, timeZone);
  return (
    <time dateTime={expiresAt}>
      {left > 0
        ? t("offers.expiresIn", { countdown: formatTimeLeft(left, locale), time })
        : t("offers.expiryDue", { time })}
    </time>
  );
};

/** The offer's status in words, with when it was answered once it was. */
export const OfferStatus = (props: { offer: Pick<Offer, "status" | "answeredAt"> }) => {
  const { t, locale, timeZone } = useI18n();
  const { status, answeredAt } = props.offer;
  const words = t(`offers.status.${status}`);
  if (status === "pending" || answeredAt === null) return <>{words}</>;
  return (
    <time dateTime={answeredAt}>
      {t("offers.answeredAt", {
        status: words,
        time: formatDateTime(answeredAt, locale, timeZone),
      })}
    </time>
  );
};
