import { Field, Input, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { FirstContactAction } from "../../api/first-contact-action.js";
import { useI18n } from "../../i18n/i18n.js";
import { blankToNull } from "../common/blank-to-null.js";
import { FormDialog } from "../common/FormDialog.js";

/** What was learned on the first call; the API then moves it to proposal (SPEC §4.2). */
export const ReadyForProposalDialog = (props: {
  contactName: string;
  onSubmit: (action: FirstContactAction) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [needs, setNeeds] = useState("");
  const [budget, setBudget] = useState("");
  const [timing, setTiming] = useState("");
  const [notes, setNotes] = useState("");
  return (
    <FormDialog
      title={t("form.readyForProposal.title", { name: props.contactName })}
      onCancel={props.onCancel}
      onSubmit={() =>
        props.onSubmit({
          action: "ready-for-proposal",
          needs: blankToNull(needs),
          budget: blankToNull(budget),
          timing: blankToNull(timing),
          notes: blankToNull(notes),
        })
      }
    >
      <Field label={t("field.needs")}>
        <Textarea value={needs} onChange={(_e, data) => setNeeds(data.value)} maxLength={2000} />
      </Field>
      <Field label={t("field.budget")}>
        <Input value={budget} onChange={(_e, data) => setBudget(data.value)} maxLength={2000} />
      </Field>
      <Field label={t("field.timing")}>
        <Input value={timing} onChange={(_e, data) => setTiming(data.value)} maxLength={2000} />
      </Field>
      <Field label={t("field.notes")}>
        <Textarea value={notes} onChange={(_e, data) => setNotes(data.value)} maxLength={2000} />
      </Field>
    </FormDialog>
  );
};
