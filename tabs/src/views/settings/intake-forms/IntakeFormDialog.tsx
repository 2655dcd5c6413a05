import { Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { IntakeForm, ManagerSettings } from "../../../api/settings-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { FormDialog } from "../../common/FormDialog.js";
import { NameKeyFields, useNameAndKey } from "../secrets/keyed-items.js";

const INTAKE_KEY = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** Adds an intake form, or edits one (its key, part of the URL the web form posts to, stays). */
export const IntakeFormDialog = (props: {
  settings: ManagerSettings;
  editing: IntakeForm | null;
  onSubmit: (form: IntakeForm) => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { users } = useSession();
  const { settings, editing } = props;
  const otherKeys = settings.intakeForms
    .map((form) => form.key)
    .filter((key) => key !== editing?.key);
  const named = useNameAndKey(editing, otherKeys, { key: 64, fromName: 40 });
  const { name, key } = named;
  const [source, setSource] = useState(editing?.source ?? settings.sources[0]?.id ?? "");
  const [campaign, setCampaign] = useState(editing?.campaign ?? "");
  const [pipelineId, setPipelineId] = useState(editing?.pipelineId ?? "");
  const [routing, setRouting] = useState(editing?.routing ?? "round-robin");
  const [ownerId, setOwnerId] = useState(editing?.ownerId ?? "");
  const [tried, setTried] = useState(false);

  const problems = {
    name: name.trim() === "" ? t("field.required") : undefined,
    key: !INTAKE_KEY.test(key)
      ? t("settings.error.formKey")
      : otherKeys.includes(key)
        ? t("settings.error.formKeyUsed")
        : undefined,
    source: source === "" ? t("field.required") : undefined,
    ownerId: routing === "owner" && ownerId === "" ? t("settings.error.ownerRequired") : undefined,
  };
  const shown = (message: string | undefined) => (tried ? message : undefined);

  const submit = async () => {
    setTried(true);
    if (Object.values(problems).some((problem) => problem !== undefined)) return;
    props.onSubmit({
      // A new form has no secret until a manager generates one (the server says so after saving).
      ...(editing ?? { active: true, hasSecret: false }),
      key,
      name: name.trim(),
      source,
      campaign: campaign.trim() || null,
      pipelineId: pipelineId || null,
      routing,
      ownerId: ownerId || null,
      active: editing?.active ?? true,
    });
  };

  return (
    <FormDialog
      title={editing ? t("settings.form.edit", { name: editing.name }) : t("settings.form.add")}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <NameKeyFields
        state={named}
        nameLabel={t("settings.form.name")}
        keyLabel={t("settings.form.key")}
        keyHint={t("settings.form.keyHint", { path: `/api/intake/${key || "…"}` })}
        problems={{ name: shown(problems.name), key: shown(problems.key) }}
      />
      <Field label={t("field.source")} required validationMessage={shown(problems.source)}>
        <Select value={source} onChange={(_event, data) => setSource(data.value)}>
          {settings.sources.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("field.campaign")}>
        <Input
          value={campaign}
          maxLength={200}
          onChange={(_event, data) => setCampaign(data.value)}
        />
      </Field>
      <Field label={t("settings.form.pipeline")}>
        <Select value={pipelineId} onChange={(_event, data) => setPipelineId(data.value)}>
          <option value="">{t("settings.form.defaultPipeline")}</option>
          {settings.pipelines.map((pipeline) => (
            <option key={pipeline.id} value={pipeline.id}>
              {pipeline.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("settings.form.routing")}>
        <Select
          value={routing}
          onChange={(_event, data) =>
            setRouting(
              data.value === "owner" || data.value === "offers" ? data.value : "round-robin",
            )
          }
        >
          <option value="round-robin">{t("settings.routing.round-robin")}</option>
          <option value="owner">{t("settings.routing.owner")}</option>
          <option value="offers">{t("settings.routing.offers")}</option>
        </Select>
      </Field>
      <Field
        label={t("field.owner")}
        required={routing === "owner"}
        validationMessage={shown(problems.ownerId)}
      >
        <Select value={ownerId} onChange={(_event, data) => setOwnerId(data.value)}>
          <option value="">{t("settings.form.noOwner")}</option>
          {users
            .filter((user) => user.active || user.id === ownerId)
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
        </Select>
      </Field>
    </FormDialog>
  );
};
