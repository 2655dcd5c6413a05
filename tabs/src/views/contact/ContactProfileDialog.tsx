import { MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Versioned } from "../../api/api-client.js";
import { ApiError, describeApiError } from "../../api/api-error.js";
import type { ContactProfile } from "../../api/detail-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { FormDialog } from "../common/FormDialog.js";
import { ContactOpportunities } from "./ContactOpportunities.js";
import { ContactProfileFields } from "./ContactProfileFields.js";
import {
  CONTACT_FIELDS,
  type ContactField,
  type ContactForm,
  type FieldErrors,
  formOf,
  patchOf,
  rebase,
  validateForm,
} from "./contact-form.js";

const isField = (path: string): path is ContactField =>
  CONTACT_FIELDS.some((field) => field === path);

/**
 * A contact's profile: its fields and its classification, saved with the version read
 * (If-Match). Opened from an opportunity, a classification set here belongs to that
 * opportunity (its timeline line and its follow-up, SPEC §4.3); opened from Contacts, the
 * server picks (a manager's is the contact's alone) and the profile lists the contact's
 * opportunities. Whether it can be edited is the server's answer (`permissions.edit`).
 */
export const ContactProfileDialog = (props: {
  contactId: string;
  /** The opportunity it was opened from, if any. */
  opportunityId?: string;
  /** The opportunity's own edit right, when opened from one. */
  canEdit?: boolean;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const [read, setRead] = useState<Versioned<ContactProfile> | null>(null);
  const [form, setForm] = useState<ContactForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.contact(props.contactId).then(
      (answer) => {
        if (!current) return;
        setRead(answer);
        setForm(formOf(answer.data));
      },
      (reason: unknown) => current && setLoadError(describeApiError(reason)),
    );
    return () => {
      current = false;
    };
  }, [api, props.contactId]);

  const canEdit = (props.canEdit ?? true) && (read?.data.permissions.edit ?? false);
  const readOnly = !canEdit || (read?.data.hidden ?? false);

  const submit = async () => {
    if (!read || !form) return;
    const local = validateForm(form, t);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const patch = patchOf(formOf(read.data), form);
    if (readOnly || Object.keys(patch).length === 0) return props.onClose();
    if (patch.classification !== undefined && props.opportunityId !== undefined) {
      patch.opportunityId = props.opportunityId;
    }
    try {
      await api.updateContact(read.data.id, patch, read.etag);
    } catch (reason) {
      if (!(reason instanceof ApiError)) throw reason;
      if (reason.isConflict) {
        const current = await api.contact(read.data.id);
        const rebased = rebase(formOf(read.data), formOf(current.data), form);
        setRead(current);
        setForm(rebased.form);
        const fields = rebased.changed
          .map((field) => t(`detail.profile.changed.${field}`))
          .join(", ");
        throw new Error(t("detail.profile.conflict", { fields: fields || "—" }));
      }
      const known = reason.errors.filter((error) => isField(error.path));
      setErrors(Object.fromEntries(known.map((error) => [error.path, error.message])));
      throw new ApiError(
        reason.status,
        reason.title,
        reason.detail,
        reason.errors.filter((error) => !isField(error.path)),
      );
    }
    await props.onSaved();
  };

  const title = read
    ? t("detail.profile.title", { name: read.data.name })
    : t("detail.profile.loading");
  return (
    <FormDialog title={title} onCancel={props.onClose} onSubmit={submit}>
      {loadError && <div role="alert">{loadError}</div>}
      {!loadError && (!read || !form) && <Spinner label={t("app.loading")} />}
      {read && form && (
        <>
          {read.data.hidden && (
            <MessageBar intent="info">
              <MessageBarBody>{t("detail.profile.hidden")}</MessageBarBody>
            </MessageBar>
          )}
          {!canEdit && !read.data.hidden && (
            <MessageBar intent="info">
              <MessageBarBody>{t("detail.profile.readOnly")}</MessageBarBody>
            </MessageBar>
          )}
          <ContactProfileFields
            form={form}
            errors={errors}
            readOnly={readOnly}
            onChange={setForm}
          />
          {read.data.tags.length > 0 && (
            <Text>{t("detail.profile.tags", { tags: read.data.tags.join(", ") })}</Text>
          )}
          {props.opportunityId === undefined && (
            <ContactOpportunities opportunities={read.data.opportunities} />
          )}
        </>
      )}
    </FormDialog>
  );
};
