import type { NewOpportunity, TaskKind } from "@dealflow/contract";
import { Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { TASK_KINDS } from "../../api/menu-choices.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { blankToNull } from "../common/blank-to-null.js";
import { FormDialog } from "../common/FormDialog.js";
import { OwnerSelect } from "../common/owner-select.js";

/** datetime-local ("2026-05-01T09:30", local time) → ISO instant, or null when blank/invalid. */
export const localInputToIso = (value: string): string | null => {
  if (value === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/** "+ New": a hand-made opportunity (referral, phone call) with its next task (SPEC §4.2). */
export const NewOpportunityDialog = (props: {
  onSubmit: (input: NewOpportunity) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { me, settings } = useSession();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [company, setCompany] = useState("");
  const [source, setSource] = useState("");
  const [campaign, setCampaign] = useState("");
  const [ownerId, setOwnerId] = useState(me.id);
  const [taskKind, setTaskKind] = useState<TaskKind | "">("");
  const [taskDue, setTaskDue] = useState("");
  const [tried, setTried] = useState(false);

  const dueIso = localInputToIso(taskDue);
  const missing = {
    name: blankToNull(name) === null,
    source: source === "",
    taskDue: taskKind !== "" && dueIso === null,
  };
  const required = (isMissing: boolean) => (tried && isMissing ? t("field.required") : undefined);

  const submit = async () => {
    setTried(true);
    if (missing.name || missing.source || missing.taskDue) return false;
    const input: NewOpportunity = {
      contact: {
        name: name.trim(),
        ...(blankToNull(email) ? { email: email.trim() } : {}),
        ...(blankToNull(phone) ? { phone: phone.trim() } : {}),
        ...(blankToNull(company) ? { company: company.trim() } : {}),
      },
      source,
      ...(blankToNull(campaign) ? { campaign: campaign.trim() } : {}),
      ...(me.role === "manager" ? { ownerId } : {}),
      ...(taskKind !== "" && dueIso ? { nextTask: { kind: taskKind, dueAt: dueIso } } : {}),
    };
    await props.onSubmit(input);
    return true;
  };

  return (
    <FormDialog title={t("form.newOpportunity.title")} onCancel={props.onCancel} onSubmit={submit}>
      <Field label={t("field.contactName")} required validationMessage={required(missing.name)}>
        <Input value={name} onChange={(_e, data) => setName(data.value)} maxLength={200} />
      </Field>
      <Field label={t("field.email")}>
        <Input type="email" value={email} onChange={(_e, data) => setEmail(data.value)} />
      </Field>
      <Field label={t("field.phone")}>
        <Input type="tel" value={phone} onChange={(_e, data) => setPhone(data.value)} />
      </Field>
      <Field label={t("field.company")}>
        <Input value={company} onChange={(_e, data) => setCompany(data.value)} />
      </Field>
      <Field label={t("field.source")} required validationMessage={required(missing.source)}>
        <Select value={source} onChange={(_e, data) => setSource(data.value)}>
          <option value="" />
          {settings.sources.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("field.campaign")}>
        <Input value={campaign} onChange={(_e, data) => setCampaign(data.value)} />
      </Field>
      {/* SPEC §7: a seller only creates opportunities they own, so only managers pick. */}
      {me.role === "manager" && (
        <OwnerSelect label="field.owner" value={ownerId} onChange={setOwnerId} />
      )}
      <Field label={t("field.nextTaskKind")}>
        <Select value={taskKind} onChange={(_e, data) => setTaskKind(data.value as TaskKind | "")}>
          <option value="">{t("field.noNextTask")}</option>
          {TASK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`taskKind.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      {taskKind !== "" && (
        <Field
          label={t("field.nextTaskDue")}
          required
          validationMessage={required(missing.taskDue)}
        >
          <Input
            type="datetime-local"
            value={taskDue}
            onChange={(_e, data) => setTaskDue(data.value)}
          />
        </Field>
      )}
    </FormDialog>
  );
};
