import type { TaskCompletion, TaskKind, TaskOutcome } from "@dealflow/contract";
import {
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import { TASK_KINDS, TASK_OUTCOMES } from "../../api/menu-choices.js";
import { useI18n } from "../../i18n/i18n.js";
import { blankToNull } from "../common/blank-to-null.js";
import { FormDialog } from "../common/FormDialog.js";
import { localInputToIso } from "../first-contact/NewOpportunityDialog.js";

const BLANK = "";

/**
 * "How did it go?" (SPEC §4.3); blank completes the task without a follow-up. As the agenda
 * article's flow has it, what happened can be noted at once, and the person may set their own
 * next task instead of the outcome's default follow-up.
 */
export const CompleteTaskDialog = (props: {
  taskTitle: string;
  /** Whether a note can be kept: only a task of an opportunity has somewhere to keep it. */
  canNote?: boolean;
  onSubmit: (completion: TaskCompletion) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<TaskOutcome | typeof BLANK>(BLANK);
  const [note, setNote] = useState("");
  const [ownNext, setOwnNext] = useState(false);
  const [kind, setKind] = useState<TaskKind>("call");
  const [title, setTitle] = useState("");
  const [due, setDue] = useState("");
  const [tried, setTried] = useState(false);
  const dueIso = localInputToIso(due);
  const dueMissing = ownNext && dueIso === null;

  const submit = async () => {
    setTried(true);
    if (dueMissing) return;
    const text = blankToNull(note);
    await props.onSubmit({
      outcome: outcome === BLANK ? null : outcome,
      ...(text !== null ? { note: text } : {}),
      ...(ownNext && dueIso
        ? {
            nextTask: {
              kind,
              dueAt: dueIso,
              ...(blankToNull(title) ? { title: title.trim() } : {}),
            },
          }
        : {}),
    });
  };

  return (
    <FormDialog
      title={t("form.complete.title", { title: props.taskTitle })}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <Field label={t("field.outcome")}>
        <RadioGroup
          value={outcome}
          onChange={(_e, data) => setOutcome(data.value as TaskOutcome | typeof BLANK)}
        >
          <Radio value={BLANK} label={t("field.noOutcome")} />
          {TASK_OUTCOMES.map((item) => (
            <Radio key={item} value={item} label={t(`outcome.${item}`)} />
          ))}
        </RadioGroup>
      </Field>
      {props.canNote !== false && (
        <Field label={t("complete.note")} hint={t("complete.noteHint")}>
          <Textarea
            value={note}
            maxLength={10_000}
            resize="vertical"
            onChange={(_e, data) => setNote(data.value)}
          />
        </Field>
      )}
      <Checkbox
        checked={ownNext}
        label={t("complete.ownNext")}
        onChange={(_e, data) => setOwnNext(data.checked === true)}
      />
      {ownNext && (
        <>
          <Field label={t("complete.nextKind")}>
            <Select value={kind} onChange={(_e, data) => setKind(data.value as TaskKind)}>
              {TASK_KINDS.map((item) => (
                <option key={item} value={item}>
                  {t(`taskKind.${item}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("complete.nextTitle")} hint={t("detail.tasks.titleHint")}>
            <Input value={title} maxLength={200} onChange={(_e, data) => setTitle(data.value)} />
          </Field>
          <Field
            label={t("complete.nextDue")}
            required
            validationMessage={tried && dueMissing ? t("field.required") : undefined}
          >
            <Input type="datetime-local" value={due} onChange={(_e, data) => setDue(data.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
};
