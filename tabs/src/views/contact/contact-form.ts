import type {
  Classification,
  ContactPatch,
  ContactRecord,
  PreferredChannel,
} from "../../api/detail-api.js";
import type { Translate } from "../../i18n/i18n.js";

/** The profile form's values: text as typed, "" for a blank choice. */
export type ContactForm = {
  name: string;
  email: string;
  phone: string;
  company: string;
  linkedinUrl: string;
  preferredChannel: PreferredChannel | "";
  classification: Classification | "";
};

export type ContactField = keyof ContactForm;
export const CONTACT_FIELDS: readonly ContactField[] = [
  "name",
  "email",
  "phone",
  "company",
  "linkedinUrl",
  "preferredChannel",
  "classification",
];

export type FieldErrors = Partial<Record<ContactField, string>>;

export const formOf = (contact: ContactRecord): ContactForm => ({
  name: contact.name,
  email: contact.email ?? "",
  phone: contact.phone ?? "",
  company: contact.company ?? "",
  linkedinUrl: contact.linkedinUrl ?? "",
  preferredChannel: (contact.preferredChannel ?? "") as PreferredChannel | "",
  classification: contact.classification ?? "",
});

const blankToNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());

/** Only what the user changed (PATCH semantics): a cleared field is sent as null. */
export const patchOf = (before: ContactForm, after: ContactForm): ContactPatch => {
  const patch: ContactPatch = {};
  const text = (field: "email" | "phone" | "company" | "linkedinUrl") => {
    if (blankToNull(before[field]) !== blankToNull(after[field])) {
      patch[field] = blankToNull(after[field]);
    }
  };
  if (after.name.trim() !== before.name.trim()) patch.name = after.name.trim();
  for (const field of ["email", "phone", "company", "linkedinUrl"] as const) text(field);
  if (after.preferredChannel !== before.preferredChannel) {
    patch.preferredChannel = after.preferredChannel === "" ? null : after.preferredChannel;
  }
  if (after.classification !== before.classification) {
    patch.classification = after.classification === "" ? null : after.classification;
  }
  return patch;
};

/** What can be told before asking the API; the API checks everything again. */
export const validateForm = (form: ContactForm, t: Translate): FieldErrors => {
  const errors: FieldErrors = {};
  if (form.name.trim() === "") errors.name = t("field.required");
  const email = form.email.trim();
  if (email !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.email = t("detail.profile.invalidEmail");
  }
  const url = form.linkedinUrl.trim();
  if (url !== "" && !/^https?:\/\/\S+$/i.test(url))
    errors.linkedinUrl = t("detail.profile.invalidUrl");
  return errors;
};

/**
 * After a 412: the current version, with the user's own edits kept on top of it, and the
 * fields someone else changed meanwhile (to name them).
 */
export const rebase = (
  read: ContactForm,
  current: ContactForm,
  edited: ContactForm,
): { form: ContactForm; changed: ContactField[] } => {
  const form = { ...current };
  const changed: ContactField[] = [];
  for (const field of CONTACT_FIELDS) {
    if (read[field] !== current[field]) changed.push(field);
    if (edited[field] !== read[field]) Object.assign(form, { [field]: edited[field] });
  }
  return { form, changed };
};
