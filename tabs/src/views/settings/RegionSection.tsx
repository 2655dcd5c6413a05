import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { ManagerSettings } from "../../api/settings-api.js";
import { useI18n } from "../../i18n/i18n.js";
import type { FieldErrors } from "./validate-settings.js";

const useStyles = makeStyles({
  fields: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "28rem" },
  group: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    border: "none",
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  subLegend: { padding: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  days: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  times: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  time: { flex: "1 1 9rem", minWidth: 0 },
});

/** ISO weekdays, Monday first, named in the reader's language. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const weekdayName = (day: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(
    // 5 January 2026 was a Monday.
    new Date(Date.UTC(2026, 0, 4 + day)),
  );

const timeZones = (current: string): string[] => {
  const known = Intl.supportedValuesOf("timeZone");
  return [...new Set(["UTC", current, ...known])].sort((a, b) => a.localeCompare(b));
};

/** The tenant's time zone (deadlines, working day) and default language (cards, mail). */
export const RegionSection = (props: {
  timeZone: string;
  locale: ManagerSettings["locale"];
  workingHours: ManagerSettings["workingHours"];
  errors: FieldErrors;
  onChange: (patch: Partial<Pick<ManagerSettings, "timeZone" | "locale" | "workingHours">>) => void;
}) => {
  const { t, locale } = useI18n();
  const hours = props.workingHours;
  const setHours = (patch: Partial<ManagerSettings["workingHours"]>) =>
    props.onChange({ workingHours: { ...hours, ...patch } });
  const styles = useStyles();
  const zones = useMemo(() => timeZones(props.timeZone), [props.timeZone]);
  return (
    <div className={styles.fields}>
      <Field
        label={t("settings.timeZone")}
        hint={t("settings.timeZoneHint")}
        validationMessage={props.errors.get("timeZone")}
      >
        <Select
          value={props.timeZone}
          onChange={(_event, data) => props.onChange({ timeZone: data.value })}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("settings.locale")}
        hint={t("settings.localeHint")}
        validationMessage={props.errors.get("locale")}
      >
        <Select
          value={props.locale}
          onChange={(_event, data) => props.onChange({ locale: data.value === "es" ? "es" : "en" })}
        >
          <option value="en">{t("settings.locale.en")}</option>
          <option value="es">{t("settings.locale.es")}</option>
        </Select>
      </Field>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("settings.workingHours")}</legend>
        <Text as="p" size={200} id="working-hours-hint">
          {t("settings.workingHoursHint")}
        </Text>
        {/* One Checkbox per day: a Fluent Field would give them all its one control id. */}
        <fieldset className={styles.group}>
          <legend className={styles.subLegend}>{t("settings.workingDays")}</legend>
          <div className={styles.days}>
            {WEEKDAYS.map((day) => (
              <Checkbox
                key={day}
                label={weekdayName(day, locale)}
                checked={hours.days.includes(day)}
                onChange={(_event, data) =>
                  setHours({
                    days: data.checked
                      ? [...hours.days, day].sort((a, b) => a - b)
                      : hours.days.filter((d) => d !== day),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
        {props.errors.get("workingHours.days") && (
          <Text role="alert" className={styles.error}>
            {props.errors.get("workingHours.days")}
          </Text>
        )}
        <div className={styles.times}>
          <Field
            className={styles.time}
            label={t("settings.workingStart")}
            validationMessage={props.errors.get("workingHours.start")}
          >
            <Input
              type="time"
              value={hours.start}
              onChange={(_event, data) => setHours({ start: data.value })}
            />
          </Field>
          <Field
            className={styles.time}
            label={t("settings.workingEnd")}
            validationMessage={props.errors.get("workingHours.end")}
          >
            <Input
              type="time"
              value={hours.end === "24:00" ? "23:59" : hours.end}
              onChange={(_event, data) => setHours({ end: data.value })}
            />
          </Field>
        </div>
      </fieldset>
    </div>
  );
};
