import type { NewTask, TaskKind } from "@dealflow/contract";
import { Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { TASK_KINDS } from "../../../api/menu-choices.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { blankToNull } from "../../common/blank-to-null.js";
import { FormDialog } from "../../common/FormDialog.js";
import { OwnerSelect } from "../../common/owner-select.js";
import { localInputToIso } from "../../first-contact/NewOpportunityDialog.js";

/**
 * "Add task" on an opportunity: kind, title (blank: the API names it after the kind and the
 * contact), due time and owner. Only managers give tasks to others (SPEC §7), so a seller's
 * task is their own and no owner is offered.
 */
export const AddTaskDialog = (props: {
  opportunityId: string;
  onSubmit: (input: NewTask) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { me } = useSession();
  const [kind, setKind] = useState<TaskKind | "">("");
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [ownerId, setOwnerId] = useState(me.id);
  const [tried, setTried] = useState(false);

  const dueAt = localInputToIso(due);
  const required = (missing: boolean) => (tried && missing ? t("field.required") : undefined);

  const submit = async () => {
    setTried(true);
    if (kind === "" || dueAt === null) return;
    const trimmed = blankToNull(title);
    await props.onSubmit({
      opportunityId: props.opportunityId,
      kind,
      dueAt,
      ...(trimmed ? { title: trimmed } : {}),
      ...(me.role === "manager" && ownerId !== me.id ? { ownerId } : {}),
    });
  };

  return (
    <FormDialog title={t("detail.tasks.addTitle")} onCancel={props.onCancel} onSubmit={submit}>
      <Field label={t("detail.tasks.kind")} required validationMessage={required(kind === "")}>
        <Select value={kind} onChange={(_e, data) => setKind(data.value as TaskKind | "")}>
          <option value="" />
          {TASK_KINDS.map((item) => (
            <option key={item} value={item}>
              {t(`taskKind.${item}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("detail.tasks.title")} hint={t("detail.tasks.titleHint")}>
        <Input value={title} maxLength={200} onChange={(_e, data) => setTitle(data.value)} />
      </Field>
      <Field label={t("detail.tasks.due")} required validationMessage={required(dueAt === null)}>
        <Input type="datetime-local" value={due} onChange={(_e, data) => setDue(data.value)} />
      </Field>
      {me.role === "manager" && (
        <OwnerSelect label="field.owner" value={ownerId} onChange={setOwnerId} />
      )}
    </FormDialog>
  );
};
