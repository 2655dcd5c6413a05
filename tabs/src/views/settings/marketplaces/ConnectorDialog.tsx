import type { MarketplaceConnector } from "@dealflow/contract";
import { Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { ManagerSettings } from "../../../api/settings-api.js";
import { useI18n } from "../../../i18n/i18n.js";
import { FormDialog } from "../../common/FormDialog.js";
import { SETTINGS_ID } from "../id-from-label.js";
import { NameKeyFields, useNameAndKey } from "../secrets/keyed-items.js";
import {
  DEFAULT_REMINDER_MINUTES,
  DEFAULT_REVEAL_MINUTES,
  DELAY_MAX_MINUTES,
  DELAY_MIN_MINUTES,
  formatDelay,
  hoursText,
  parseHours,
} from "./connector-delays.js";

/** Adds a marketplace connector, or edits one (its key, part of the events URL, stays). */
export const ConnectorDialog = (props: {
  settings: ManagerSettings;
  editing: MarketplaceConnector | null;
  onSubmit: (connector: MarketplaceConnector) => void;
  onCancel: () => void;
}) => {
  const { t, locale } = useI18n();
  const { settings, editing } = props;
  const otherKeys = settings.marketplaces
    .map((connector) => connector.key)
    .filter((key) => key !== editing?.key);
  const named = useNameAndKey(editing, otherKeys, { key: 40, fromName: 35 });
  const { name, key } = named;
  // A pipeline removed since is offered as the automatic choice, which is what happens now.
  const [pipelineId, setPipelineId] = useState(
    settings.pipelines.some((pipeline) => pipeline.id === editing?.pipelineId)
      ? (editing?.pipelineId ?? "")
      : "",
  );
  const [reminder, setReminder] = useState(
    hoursText(editing?.reminderMinutes ?? DEFAULT_REMINDER_MINUTES),
  );
  const [reveal, setReveal] = useState(hoursText(editing?.revealMinutes ?? DEFAULT_REVEAL_MINUTES));
  const [tried, setTried] = useState(false);

  const range = {
    min: formatDelay(locale, DELAY_MIN_MINUTES),
    max: formatDelay(locale, DELAY_MAX_MINUTES),
  };
  const delayProblem = (parsed: ReturnType<typeof parseHours>) =>
    "problem" in parsed
      ? parsed.problem === "range"
        ? t("connectors.error.range", range)
        : t("connectors.error.hours")
      : undefined;
  const reminderParsed = parseHours(reminder);
  const revealParsed = parseHours(reveal);
  const problems = {
    name:
      name.trim() === ""
        ? t("field.required")
        : name.trim().length > 80
          ? t("settings.error.tooLong", { max: 80 })
          : undefined,
    key: !SETTINGS_ID.test(key)
      ? t("connectors.error.key")
      : otherKeys.includes(key)
        ? t("connectors.error.keyUsed")
        : undefined,
    reminder: delayProblem(reminderParsed),
    reveal:
      delayProblem(revealParsed) ??
      ("minutes" in reminderParsed &&
      "minutes" in revealParsed &&
      revealParsed.minutes <= reminderParsed.minutes
        ? t("connectors.error.revealAfterReminder")
        : undefined),
  };
  const shown = (message: string | undefined) => (tried ? message : undefined);

  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some((problem) => problem !== undefined)) return;
    if (!("minutes" in reminderParsed) || !("minutes" in revealParsed)) return;
    props.onSubmit({
      ...editing,
      hasSecret: editing?.hasSecret ?? false,
      key,
      name: name.trim(),
      pipelineId: pipelineId || null,
      reminderMinutes: reminderParsed.minutes,
      revealMinutes: revealParsed.minutes,
    });
  };

  const hint = t("connectors.delayHint", range);
  return (
    <FormDialog
      title={editing ? t("connectors.editTitle", { name: editing.name }) : t("connectors.add")}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <NameKeyFields
        state={named}
        nameLabel={t("connectors.name")}
        keyLabel={t("connectors.key")}
        keyHint={t("connectors.keyHint", { path: `/api/marketplace/${key || "…"}/events` })}
        problems={{ name: shown(problems.name), key: shown(problems.key) }}
      />
      <Field label={t("connectors.pipeline")}>
        <Select value={pipelineId} onChange={(_event, data) => setPipelineId(data.value)}>
          <option value="">{t("connectors.pipelineAuto")}</option>
          {settings.pipelines.map((pipeline) => (
            <option key={pipeline.id} value={pipeline.id}>
              {pipeline.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("connectors.reminder")}
        required
        hint={hint}
        validationMessage={shown(problems.reminder)}
      >
        <Input
          type="number"
          inputMode="decimal"
          value={reminder}
          onChange={(_event, data) => setReminder(data.value)}
        />
      </Field>
      <Field
        label={t("connectors.reveal")}
        required
        hint={hint}
        validationMessage={shown(problems.reveal)}
      >
        <Input
          type="number"
          inputMode="decimal"
          value={reveal}
          onChange={(_event, data) => setReveal(data.value)}
        />
      </Field>
    </FormDialog>
  );
};
