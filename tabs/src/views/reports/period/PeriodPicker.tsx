import { Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ReportPeriod } from "../../../api/reports-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { LOCALE_TAGS } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import {
  checkDayRange,
  type DayRange,
  dayIn,
  dayRangeOf,
  lastDays,
  type PeriodPreset,
  PRESETS,
} from "./period.js";

const PRESET_LABELS: Record<PeriodPreset, MessageKey> = {
  "7": "reports.period.last7",
  "30": "reports.period.last30",
  "90": "reports.period.last90",
  custom: "reports.period.custom",
};

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "start", gap: tokens.spacingHorizontalM },
  shown: { alignSelf: "end", paddingBottom: tokens.spacingVerticalXS },
});

export type PeriodChoice = { preset: PeriodPreset; period: ReportPeriod };

export const initialPeriod = (now = new Date()): PeriodChoice => ({
  preset: "30",
  period: lastDays(30, now),
});

/**
 * Last 7/30/90 days or custom calendar days (in the tenant's time zone). A custom range is
 * applied as soon as it is valid; until then the fields say what is wrong and the last
 * valid period stays on screen.
 */
export const PeriodPicker = (props: {
  value: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
  now?: () => Date;
}) => {
  const { t, locale, timeZone } = useI18n();
  const styles = useStyles();
  const now = props.now ?? (() => new Date());
  const [days, setDays] = useState<DayRange>(() => dayRangeOf(props.value.period, timeZone));
  const [errors, setErrors] = useState<Partial<Record<keyof DayRange, MessageKey>>>({});
  const today = dayIn(now(), timeZone);

  const choosePreset = (preset: PeriodPreset) => {
    setErrors({});
    if (preset === "custom") {
      setDays(dayRangeOf(props.value.period, timeZone));
      props.onChange({ preset, period: props.value.period });
    } else props.onChange({ preset, period: lastDays(Number(preset), now()) });
  };

  const changeDay = (field: keyof DayRange, value: string) => {
    const next = { ...days, [field]: value };
    setDays(next);
    const checked = checkDayRange(next, today, timeZone);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) props.onChange({ preset: "custom", period: checked.period });
  };

  // The days are already the tenant's calendar days: format them as they are, in UTC.
  const format = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: "medium",
    timeZone: "UTC",
  });
  const shown = dayRangeOf(props.value.period, timeZone);
  const dayField = (field: keyof DayRange, label: MessageKey) => {
    const error = errors[field];
    return (
      <Field
        label={t(label)}
        validationMessage={error ? t(error) : undefined}
        validationState={error ? "error" : "none"}
      >
        <Input
          type="date"
          value={days[field]}
          max={today}
          onChange={(_event, data) => changeDay(field, data.value)}
        />
      </Field>
    );
  };

  return (
    <div className={styles.row}>
      <Field label={t("reports.period.label")}>
        <Select
          value={props.value.preset}
          onChange={(_event, data) => choosePreset(data.value as PeriodPreset)}
        >
          {PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(PRESET_LABELS[preset])}
            </option>
          ))}
        </Select>
      </Field>
      {props.value.preset === "custom" && (
        <>
          {dayField("from", "reports.period.from")}
          {dayField("to", "reports.period.to")}
        </>
      )}
      <Text className={styles.shown} aria-live="polite">
        {t("reports.period.shown", {
          from: format.format(new Date(shown.from)),
          to: format.format(new Date(shown.to)),
        })}
      </Text>
    </div>
  );
};
