import type { NewContact } from "@dealflow/contract";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { type ContactRecord, DuplicateContactError } from "../../api/detail-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { blankToNull } from "../common/blank-to-null.js";
import { FormDialog } from "../common/FormDialog.js";
import { type ContactForm, validateForm } from "./contact-form.js";

const EMPTY_PROFILE: ContactForm = {
  name: "",
  email: "",
  phone: "",
  company: "",
  linkedinUrl: "",
  preferredChannel: "",
  classification: "",
};

/**
 * SPEC §4.1: a person who is not yet a contact (the CFO who joined the call, a referral), in
 * one step. An email another contact already has is offered rather than saved twice: the
 * user picks that contact or says it is a different person who shares the address.
 */
export const NewContactDialog = (props: {
  title: string;
  /** What Save does with the contact, new or the existing one picked instead. */
  onSaved: (contact: ContactRecord, isNew: boolean) => Promise<void>;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [company, setCompany] = useState("");
  const [tried, setTried] = useState(false);
  const [duplicate, setDuplicate] = useState<ContactRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [answerError, setAnswerError] = useState<string | null>(null);

  // The profile's own checks: a new person is a profile not yet saved.
  const problems = validateForm({ ...EMPTY_PROFILE, name, email, phone, company }, t);
  const shown = (problem: string | undefined) => (tried ? problem : undefined);

  const save = async (allowDuplicate: boolean) => {
    const contact: NewContact = {
      name: name.trim(),
      ...(blankToNull(email) ? { email: email.trim() } : {}),
      ...(blankToNull(phone) ? { phone: phone.trim() } : {}),
      ...(blankToNull(company) ? { company: company.trim() } : {}),
      ...(allowDuplicate ? { allowDuplicate: true } : {}),
    };
    try {
      await props.onSaved(await api.createContact(contact), true);
    } catch (reason) {
      if (!(reason instanceof DuplicateContactError)) throw reason;
      setDuplicate(reason.existing);
    }
  };

  const submit = async () => {
    setTried(true);
    if (problems.name || problems.email) return;
    setDuplicate(null);
    await save(false);
  };

  // The offer's two answers run outside the form's Save, so they keep their own busy state.
  const answer = async (work: () => Promise<void>) => {
    setBusy(true);
    setAnswerError(null);
    try {
      await work();
    } catch (reason) {
      setAnswerError(describeApiError(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog title={props.title} onCancel={props.onCancel} onSubmit={submit}>
      <Field label={t("detail.profile.name")} required validationMessage={shown(problems.name)}>
        <Input value={name} maxLength={200} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <Field label={t("field.email")} validationMessage={shown(problems.email)}>
        <Input
          type="email"
          value={email}
          maxLength={254}
          onChange={(_e, data) => {
            setEmail(data.value);
            setDuplicate(null);
          }}
        />
      </Field>
      <Field label={t("field.phone")}>
        <Input
          type="tel"
          value={phone}
          maxLength={40}
          onChange={(_e, data) => setPhone(data.value)}
        />
      </Field>
      <Field label={t("field.company")}>
        <Input value={company} maxLength={200} onChange={(_e, data) => setCompany(data.value)} />
      </Field>
      {duplicate && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("contacts.duplicate.title")}</MessageBarTitle>
            {t("contacts.duplicate.body", {
              name: duplicate.name,
              company: duplicate.company ?? "—",
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void answer(() => props.onSaved(duplicate, false))}
            >
              {t("contacts.duplicate.useExisting", { name: duplicate.name })}
            </Button>
            <Button disabled={busy} onClick={() => void answer(() => save(true))}>
              {t("contacts.duplicate.createAnyway")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {answerError && <div role="alert">{answerError}</div>}
    </FormDialog>
  );
};
