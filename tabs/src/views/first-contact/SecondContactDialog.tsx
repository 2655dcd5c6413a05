import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import type { FirstContactAction } from "../../api/first-contact-action.js";
import { useI18n } from "../../i18n/i18n.js";
import { FormDialog } from "../common/FormDialog.js";

const DELAYS = [24, 48, 72] as const;
type Delay = (typeof DELAYS)[number];

/** Not reached: try again after 24 h by default, 48 h / 72 h one click away. */
export const SecondContactDialog = (props: {
  contactName: string;
  onSubmit: (action: FirstContactAction) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const [delay, setDelay] = useState<Delay>(24);
  return (
    <FormDialog
      title={t("form.secondContact.title", { name: props.contactName })}
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit({ action: "second-contact", delayHours: delay })}
    >
      <Field label={t("field.delay")}>
        <RadioGroup
          layout="horizontal"
          value={String(delay)}
          onChange={(_e, data) => setDelay(Number(data.value) as Delay)}
        >
          {DELAYS.map((hours) => (
            <Radio key={hours} value={String(hours)} label={t("delay.hours", { hours })} />
          ))}
        </RadioGroup>
      </Field>
    </FormDialog>
  );
};
