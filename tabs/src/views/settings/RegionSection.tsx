import { Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { ManagerSettings } from "../../api/settings-api.js";
import { useI18n } from "../../i18n/i18n.js";
import type { FieldErrors } from "./validate-settings.js";

const useStyles = makeStyles({
  fields: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "28rem" },
});

const timeZones = (current: string): string[] => {
  const known = Intl.supportedValuesOf("timeZone");
  return [...new Set(["UTC", current, ...known])].sort((a, b) => a.localeCompare(b));
};

/** The tenant's time zone (deadlines, working day) and default language (cards, mail). */
export const RegionSection = (props: {
  timeZone: string;
  locale: ManagerSettings["locale"];
  errors: FieldErrors;
  onChange: (patch: Partial<Pick<ManagerSettings, "timeZone" | "locale">>) => void;
}) => {
  const { t } = useI18n();
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
    </div>
  );
};
