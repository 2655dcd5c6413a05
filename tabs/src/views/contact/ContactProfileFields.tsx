import { Field, Input, Select } from "@fluentui/react-components";
import {
  CLASSIFICATIONS,
  type Classification,
  PREFERRED_CHANNELS,
  type PreferredChannel,
} from "../../api/detail-api.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import type { ContactField, ContactForm, FieldErrors } from "./contact-form.js";

const TEXT_FIELDS: {
  field: Exclude<ContactField, "preferredChannel" | "classification">;
  label: MessageKey;
  type: "text" | "email" | "tel" | "url";
  max: number;
}[] = [
  { field: "name", label: "detail.profile.name", type: "text", max: 200 },
  { field: "email", label: "field.email", type: "email", max: 254 },
  { field: "phone", label: "field.phone", type: "tel", max: 40 },
  { field: "company", label: "field.company", type: "text", max: 200 },
  { field: "linkedinUrl", label: "details.linkedin", type: "url", max: 500 },
];

/** The profile's editable fields (SPEC §2 "Contact") and the classification drop-down (§4.3). */
export const ContactProfileFields = (props: {
  form: ContactForm;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (form: ContactForm) => void;
}) => {
  const { t } = useI18n();
  const { form, errors } = props;
  const set = (patch: Partial<ContactForm>) => props.onChange({ ...form, ...patch });

  return (
    <>
      {TEXT_FIELDS.map(({ field, label, type, max }) => (
        <Field
          key={field}
          label={t(label)}
          required={field === "name"}
          validationMessage={errors[field]}
        >
          <Input
            type={type}
            value={form[field]}
            maxLength={max}
            readOnly={props.readOnly}
            onChange={(_event, data) => set({ [field]: data.value })}
          />
        </Field>
      ))}
      <Field label={t("details.preferredChannel")} validationMessage={errors.preferredChannel}>
        <Select
          value={form.preferredChannel}
          disabled={props.readOnly}
          onChange={(_event, data) =>
            set({ preferredChannel: data.value as PreferredChannel | "" })
          }
        >
          <option value="">{t("detail.profile.noChannel")}</option>
          {PREFERRED_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`detail.profile.channel.${channel}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t("detail.profile.classification")}
        hint={t("detail.profile.classificationHint")}
        validationMessage={errors.classification}
      >
        <Select
          value={form.classification}
          disabled={props.readOnly}
          onChange={(_event, data) => set({ classification: data.value as Classification | "" })}
        >
          <option value="">{t("detail.profile.notClassified")}</option>
          {CLASSIFICATIONS.map((classification) => (
            <option key={classification} value={classification}>
              {t(`outcome.${classification}`)}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
};
