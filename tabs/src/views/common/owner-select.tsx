import { Field, Select } from "@fluentui/react-components";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { useInlineFieldClass } from "./ViewHeader.js";

/**
 * A picker of the tenant's active users (GET /api/users, cached in the session). With
 * `allLabel`, an empty value means "every owner".
 */
export const OwnerSelect = (props: {
  label: MessageKey;
  /** null: nobody owns it yet (shown as unassigned until someone is chosen). */
  value: string | null;
  onChange: (ownerId: string) => void;
  allLabel?: MessageKey;
  disabled?: boolean;
  /** In a toolbar: the label beside the picker, on the line of the search and sort. */
  inline?: boolean;
}) => {
  const { t } = useI18n();
  const { users, userNames } = useSession();
  const inlineField = useInlineFieldClass();
  const options = users.length
    ? users.filter((user) => user.active || user.id === props.value)
    : [...userNames].map(([id, name]) => ({ id, name }));
  return (
    <Field
      label={t(props.label)}
      orientation={props.inline ? "horizontal" : "vertical"}
      className={props.inline ? inlineField : undefined}
    >
      <Select
        value={props.value ?? ""}
        disabled={props.disabled}
        onChange={(_event, data) => props.onChange(data.value)}
      >
        {props.allLabel && <option value="">{t(props.allLabel)}</option>}
        {props.value === null && !props.allLabel && (
          <option value="" disabled>
            {t("pipeline.unassigned")}
          </option>
        )}
        {options.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </Select>
    </Field>
  );
};
