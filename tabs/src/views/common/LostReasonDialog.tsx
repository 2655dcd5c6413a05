import { Field, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { blankToNull } from "./blank-to-null.js";
import { FormDialog } from "./FormDialog.js";

/**
 * A move to a lost stage asks why (optional): the reason goes on the timeline and in the
 * post the team channel gets (SPEC §4.6 "won/lost"), so the team learns from it.
 */
export const LostReasonDialog = (props: {
  title: string;
  stageName: string;
  onConfirm: (reason: string | null) => Promise<unknown>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      title={t("lost.title", { title: props.title, stage: props.stageName })}
      onCancel={props.onCancel}
      onSubmit={() => props.onConfirm(blankToNull(reason))}
    >
      <Field label={t("lost.reason")} hint={t("lost.reasonHint")}>
        <Textarea
          value={reason}
          maxLength={500}
          resize="vertical"
          onChange={(_event, data) => setReason(data.value)}
        />
      </Field>
    </FormDialog>
  );
};
