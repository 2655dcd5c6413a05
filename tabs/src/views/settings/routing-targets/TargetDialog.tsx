import { Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ApiError } from "../../../api/api-error.js";
import type { RoutingTarget, TargetLevel, TargetType } from "../../../api/routing-api.js";
import type { RoutingTargetInput } from "../../../api/settings-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { useI18n } from "../../../i18n/i18n.js";
import { FormDialog } from "../../common/FormDialog.js";
import { OwnerSelect } from "../../common/owner-select.js";
import {
  checkTargetForm,
  emptyTargetForm,
  fieldOfPath,
  TARGET_LEVELS,
  TARGET_TYPES,
  type TargetField,
  type TargetForm,
  type TargetProblems,
  toTargetForm,
  toTargetInput,
} from "./target-form.js";
import type { WriteOutcome } from "./use-routing-targets.js";

const useStyles = makeStyles({ error: { color: tokens.colorPaletteRedForeground1 } });

type Hints = { required?: boolean; hint?: MessageKey };

/**
 * Adds a routing target or edits one. Rating, reviews and completed projects are not edited
 * here: the clients' reviews keep them. A 400 lands on the fields it names.
 */
export const TargetDialog = (props: {
  editing: RoutingTarget | null;
  onSubmit: (input: RoutingTargetInput) => Promise<WriteOutcome>;
  onDone: () => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { editing } = props;
  const [form, setForm] = useState<TargetForm>(editing ? toTargetForm(editing) : emptyTargetForm);
  const [tried, setTried] = useState(false);
  const [fromServer, setFromServer] = useState<TargetProblems>({});
  const problems = checkTargetForm(form, t);

  const set = (field: TargetField) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setFromServer((current) => ({ ...current, [field]: undefined }));
  };
  const messageOf = (field: TargetField) =>
    fromServer[field] ?? (tried ? problems[field] : undefined);

  const submit = async () => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    try {
      await props.onSubmit(toTargetInput(form, editing));
      props.onDone();
    } catch (reason) {
      const fields =
        reason instanceof ApiError
          ? reason.errors.flatMap((error) => {
              const field = fieldOfPath(error.path);
              return field ? [[field, error.message] as const] : [];
            })
          : [];
      // Field errors show on their fields; anything else (403, 503…) in the dialog's alert.
      if (!(reason instanceof ApiError) || fields.length === 0) throw reason;
      setFromServer(Object.fromEntries(fields));
      if (fields.length < reason.errors.length) throw reason;
    }
  };

  const text = (field: TargetField, label: MessageKey, options: Hints = {}) => (
    <Field
      label={t(label)}
      required={options.required}
      hint={options.hint ? t(options.hint) : undefined}
      validationMessage={messageOf(field)}
    >
      <Input value={form[field]} onChange={(_event, data) => set(field)(data.value)} />
    </Field>
  );

  return (
    <FormDialog
      title={editing ? t("targets.editTitle", { name: editing.name }) : t("targets.add")}
      onSubmit={submit}
      onCancel={props.onDone}
    >
      {text("name", "targets.field.name", { required: true })}
      <Field label={t("targets.field.type")} validationMessage={messageOf("type")}>
        <Select
          value={form.type}
          onChange={(_event, data) => set("type")(data.value as TargetType)}
        >
          {TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`targets.type.${type}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("targets.field.level")} validationMessage={messageOf("level")}>
        <Select
          value={form.level}
          onChange={(_event, data) => set("level")(data.value as TargetLevel)}
        >
          {TARGET_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`targets.level.${level}`)}
            </option>
          ))}
        </Select>
      </Field>
      {text("country", "targets.field.country", { hint: "targets.field.countryHint" })}
      {text("primaryLanguage", "targets.field.primaryLanguage", {
        required: true,
        hint: "targets.field.languageHint",
      })}
      {text("secondaryLanguages", "targets.field.secondaryLanguages", {
        hint: "targets.field.listHint",
      })}
      {text("services", "targets.field.services", { hint: "targets.field.listHint" })}
      <OwnerSelect
        label="targets.field.user"
        allLabel="targets.noUser"
        value={form.userId}
        onChange={set("userId")}
      />
      {messageOf("userId") && (
        <Text role="alert" className={styles.error}>
          {messageOf("userId")}
        </Text>
      )}
    </FormDialog>
  );
};
