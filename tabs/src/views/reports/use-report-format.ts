import { useMemo } from "react";
import { useSession } from "../../app/session.js";
import { formatElapsed, formatNumber, formatPercent } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";

/** Numbers, shares, durations and the tenant's labels as the reports print them. */
export const useReportFormat = () => {
  const { t, locale } = useI18n();
  const { settings, userNames } = useSession();
  return useMemo(() => {
    const labelIn = (list: readonly { id: string; label: string }[]) => (id: string) =>
      list.find((item) => item.id === id)?.label ?? id;
    return {
      count: (value: number) => formatNumber(value, locale),
      /** A whole percentage (25 → "25%"). */
      percent: (value: number) => formatPercent(value / 100, locale),
      /** Minutes as "1h 5m"; null (nothing measured) as a dash. */
      minutes: (value: number | null) =>
        value === null ? "—" : formatElapsed(Math.round(value) * 60_000, locale),
      sourceLabel: labelIn(settings.sources),
      reasonLabel: labelIn(settings.discardReasons),
      /** The session's name of a user, else the API's, else the id; null is "Unassigned". */
      ownerName: (ownerId: string | null, fallback: string | null = null) =>
        ownerId === null
          ? t("reports.unassigned")
          : (userNames.get(ownerId) ?? fallback ?? ownerId),
    };
  }, [locale, settings, userNames, t]);
};

export type ReportFormat = ReturnType<typeof useReportFormat>;
