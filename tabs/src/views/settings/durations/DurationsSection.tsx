import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useI18n } from "../../../i18n/i18n.js";
import type { FieldErrors } from "../validate-settings.js";
import {
  DURATION_FIELDS,
  type DurationField,
  type DurationInput,
  type DurationInputs,
  type DurationUnit,
  formatAmount,
  unitsOf,
} from "./duration-fields.js";

const useStyles = makeStyles({
  list: { display: "grid", gap: tokens.spacingVerticalL, maxWidth: "40rem" },
  // The unit beside the amount, under the label and above the hint: a label that wraps on a
  // phone no longer pushes the amount below its unit.
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  value: { flexGrow: 1, minWidth: 0 },
  unit: { minWidth: "8rem" },
});

const DurationRow = (props: {
  field: DurationField;
  input: DurationInput;
  error: string | undefined;
  onChange: (input: DurationInput) => void;
}) => {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const { field, input } = props;
  const label = t(field.label);
  const units = unitsOf(field);
  const range = t("settings.allowed", {
    min: formatAmount(locale, field, field.min),
    max: formatAmount(locale, field, field.max),
  });
  const off = field.optional === true && !input.enabled;
  return (
    <div>
      {field.optional && (
        <Checkbox
          checked={input.enabled}
          label={t("settings.d.enable", { label })}
          onChange={(_event, data) => props.onChange({ ...input, enabled: data.checked === true })}
        />
      )}
      <Field label={label} hint={range} validationMessage={off ? undefined : props.error}>
        {/* A render function: Field gives the amount its label and hint through its context
            instead of putting them on the row; the unit keeps its own name. */}
        {() => (
          <div className={styles.row}>
            <Input
              className={styles.value}
              type="number"
              inputMode="decimal"
              value={input.text}
              disabled={off}
              onChange={(_event, data) => props.onChange({ ...input, text: data.value })}
            />
            {units.length > 1 ? (
              <Select
                className={styles.unit}
                aria-label={t("settings.unitOf", { label })}
                value={input.unit}
                disabled={off}
                onChange={(_event, data) =>
                  props.onChange({ ...input, unit: data.value as DurationUnit })
                }
              >
                {units.map((unit) => (
                  <option key={unit} value={unit}>
                    {t(`settings.unit.${unit}`)}
                  </option>
                ))}
              </Select>
            ) : (
              <Text>{t(`settings.unit.${input.unit}`)}</Text>
            )}
          </div>
        )}
      </Field>
    </div>
  );
};

/** SPEC §3: every clock of the rules with its unit and allowed range. */
export const DurationsSection = (props: {
  durations: DurationInputs;
  errors: FieldErrors;
  onChange: (path: string, input: DurationInput) => void;
}) => {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {DURATION_FIELDS.map((field) => {
        const input = props.durations[field.path];
        return input ? (
          <DurationRow
            key={field.path}
            field={field}
            input={input}
            error={props.errors.get(field.path)}
            onChange={(next) => props.onChange(field.path, next)}
          />
        ) : null;
      })}
    </div>
  );
};
