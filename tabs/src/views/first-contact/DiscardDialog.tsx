import type { Labelled } from "@dealflow/contract";
import { Field, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { FirstContactAction } from "../../api/first-contact-action.js";
import { useI18n } from "../../i18n/i18n.js";
import { blankToNull } from "../common/blank-to-null.js";
import { FormDialog } from "../common/FormDialog.js";

const OTHER = "other";

/** A reason from the tenant's list; "other" needs a text. */
export const DiscardDialog = (props: {
  contactName: string;
  reasons: Labelled[];
  onSubmit: (action: FirstContactAction) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [reason, setReason] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [tried, setTried] = useState(false);
  const reasonMissing = reason === null;
  const textMissing = reason === OTHER && blankToNull(text) === null;

  const submit = async () => {
    setTried(true);
    if (reason === null || textMissing) return false;
    await props.onSubmit({ action: "discard", reason, notes: blankToNull(text) });
    return true;
  };

  return (
    <FormDialog
      title={t("form.discard.title", { name: props.contactName })}
      onCancel={props.onCancel}
      onSubmit={submit}
    >
      <Field
        label={t("field.reason")}
        required
        validationMessage={tried && reasonMissing ? t("field.required") : undefined}
      >
        <RadioGroup value={reason ?? ""} onChange={(_e, data) => setReason(data.value)}>
          {props.reasons.map((item) => (
            <Radio key={item.id} value={item.id} label={item.label} />
          ))}
        </RadioGroup>
      </Field>
      {reason === OTHER && (
        <Field
          label={t("field.otherReason")}
          required
          validationMessage={tried && textMissing ? t("field.required") : undefined}
        >
          <Textarea value={text} onChange={(_e, data) => setText(data.value)} maxLength={2000} />
        </Field>
      )}
    </FormDialog>
  );
};
