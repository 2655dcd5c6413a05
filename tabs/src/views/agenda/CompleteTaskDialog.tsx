import type { TaskOutcome } from "@dealflow/contract";
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import { TASK_OUTCOMES } from "../../api/menu-choices.js";
import { useI18n } from "../../i18n/i18n.js";
import { FormDialog } from "../common/FormDialog.js";

const BLANK = "";

/** "How did it go?" (SPEC §4.3); blank completes the task without a follow-up. */
export const CompleteTaskDialog = (props: {
  taskTitle: string;
  onSubmit: (outcome: TaskOutcome | null) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<TaskOutcome | typeof BLANK>(BLANK);
  return (
    <FormDialog
      title={t("form.complete.title", { title: props.taskTitle })}
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit(outcome === BLANK ? null : outcome)}
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
    </FormDialog>
  );
};
