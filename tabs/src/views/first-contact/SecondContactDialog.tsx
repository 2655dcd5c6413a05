import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useState } from "react";
import type { FirstContactAction } from "../../api/first-contact-action.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { FormDialog } from "../common/FormDialog.js";

const USUAL_DELAYS = [24, 48, 72];

/**
 * Not reached: try again after the team's configured delay (Settings, 24 h unless changed),
 * first and picked; 24, 48 and 72 h stay one click away.
 */
export const SecondContactDialog = (props: {
  contactName: string;
  onSubmit: (action: FirstContactAction) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { settings } = useSession();
  // Minutes in settings; a delay such as 90 min is offered as 1.5 h.
  const configured = Math.round(settings.durations.secondContactDelayMinutes / 6) / 10;
  const delays = [configured, ...USUAL_DELAYS.filter((hours) => hours !== configured)];
  const [delay, setDelay] = useState(configured);
  return (
    <FormDialog
      title={t("form.secondContact.title", { name: props.contactName })}
      onCancel={props.onCancel}
      onSubmit={() => props.onSubmit({ action: "second-contact", delayHours: delay })}
    >
      <Field label={t("field.delay")}>
        {/* One choice per line: the team's usual delay has a longer label than 24/48/72 h. */}
        <RadioGroup value={String(delay)} onChange={(_e, data) => setDelay(Number(data.value))}>
          {delays.map((hours) => (
            <Radio
              key={hours}
              value={String(hours)}
              label={t(hours === configured ? "delay.usual" : "delay.hours", { hours })}
            />
          ))}
        </RadioGroup>
      </Field>
    </FormDialog>
  );
};
