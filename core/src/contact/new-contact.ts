import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  oneOf,
  optionalEmail,
  optionalHttpUrl,
  optionalText,
  requiredText,
} from "../shared/validation.js";
import type { Contact, PreferredChannel } from "./contact.types.js";

export const PREFERRED_CHANNELS: readonly PreferredChannel[] = [
  "email",
  "phone",
  "teams-meeting",
  "other",
];
export const MAX_CONTACT_NAME_LENGTH = 200;

/** What a form or an intake post says about a person not yet in the tenant's contacts. */
export type NewContactFields = {
  name: string;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  linkedinUrl?: string | null;
  preferredChannel?: PreferredChannel | null;
};

// Light on purpose: digits with the usual separators and an optional extension.
const PHONE = /^\+?[\d\s().\-/]+(\s*(x|ext\.?)\s*\d+)?$/i;

const optionalPhone = (value: unknown, path: string, errors: FieldErrors): string | null => {
  const text = optionalText(value, path, 40, errors);
  if (text !== null && (!PHONE.test(text) || (text.match(/\d/g)?.length ?? 0) < 4)) {
    errors.push({ path, message: "must be a phone number such as +34 600 000 000" });
    return null;
  }
  return text;
};

/** A new contact from form fields; problems go to `errors` under `path`.field. */
export const newContact = (
  fields: NewContactFields,
  path: string,
  ctx: UseCaseContext,
  errors: FieldErrors,
): Contact => ({
  tenantId: ctx.tenantId,
  id: ctx.ids(),
  name: requiredText(fields.name, `${path}.name`, MAX_CONTACT_NAME_LENGTH, errors),
  email: optionalEmail(fields.email, `${path}.email`, errors),
  phone: optionalPhone(fields.phone, `${path}.phone`, errors),
  company: optionalText(fields.company, `${path}.company`, 200, errors),
  linkedinUrl: optionalHttpUrl(fields.linkedinUrl, `${path}.linkedinUrl`, errors),
  preferredChannel:
    fields.preferredChannel === undefined || fields.preferredChannel === null
      ? null
      : oneOf(fields.preferredChannel, PREFERRED_CHANNELS, `${path}.preferredChannel`, errors),
  classification: null,
  tags: [],
  createdAt: iso(ctx.now),
  updatedAt: iso(ctx.now),
});
