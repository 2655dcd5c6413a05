import type { OpportunityListItem as Opportunity, OpportunityPatch } from "@dealflow/contract";
import type { Translate } from "../../../i18n/i18n.js";

/** The Edit dialog's values, as typed: the amount as text, tags comma-separated. */
export type OpportunityForm = {
  title: string;
  amount: string;
  currency: string;
  campaign: string;
  source: string;
  tags: string;
};

export type OpportunityFormField = keyof OpportunityForm;
export type OpportunityFormErrors = Partial<Record<OpportunityFormField, string>>;

const FIELDS: readonly OpportunityFormField[] = [
  "title",
  "amount",
  "currency",
  "campaign",
  "source",
  "tags",
];

/** Until tenants choose theirs, a new value is quoted in euros (the seeded tenant's currency). */
export const DEFAULT_CURRENCY = "EUR";

export const opportunityFormOf = (opportunity: Opportunity): OpportunityForm => ({
  title: opportunity.title,
  amount: opportunity.value === null ? "" : String(opportunity.value.amount),
  currency: opportunity.value?.currency ?? DEFAULT_CURRENCY,
  campaign: opportunity.campaign ?? "",
  source: opportunity.source,
  tags: opportunity.tags.join(", "),
});

/** "1.234,5" or "1,234.5" or "1234.5" → 1234.5; null when it is not an amount. */
export const parseAmount = (text: string): number | null => {
  const compact = text.replace(/[\s\u00a0']/g, "");
  if (!/^\d[\d.,]*$/.test(compact)) return null;
  // The last separator followed by one or two digits is the decimal one; the others group.
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const whole = decimal ? compact.slice(0, decimal.index) : compact;
  const digits = whole.replace(/[.,]/g, "");
  const amount = Number(decimal ? `${digits}.${decimal[1]}` : digits);
  return Number.isFinite(amount) ? amount : null;
};

const tagsOf = (text: string): string[] =>
  text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");

/** What can be told before asking the API; the API checks everything again. */
export const validateOpportunityForm = (
  form: OpportunityForm,
  t: Translate,
): OpportunityFormErrors => {
  const errors: OpportunityFormErrors = {};
  if (form.title.trim() === "") errors.title = t("field.required");
  if (form.amount.trim() !== "" && parseAmount(form.amount) === null) {
    errors.amount = t("edit.invalidAmount");
  }
  if (form.amount.trim() !== "" && !/^[A-Za-z]{3}$/.test(form.currency.trim())) {
    errors.currency = t("edit.invalidCurrency");
  }
  if (tagsOf(form.tags).some((tag) => tag.length > 50)) errors.tags = t("edit.tagTooLong");
  return errors;
};

/** Only what the user changed (PATCH semantics): a blank amount or campaign clears it. */
export const opportunityPatchOf = (
  before: OpportunityForm,
  after: OpportunityForm,
): OpportunityPatch => {
  const patch: OpportunityPatch = {};
  if (after.title.trim() !== before.title.trim()) patch.title = after.title.trim();
  const amount = after.amount.trim() === "" ? null : parseAmount(after.amount);
  const currency = after.currency.trim().toUpperCase();
  const beforeAmount = before.amount.trim() === "" ? null : parseAmount(before.amount);
  if (amount !== beforeAmount || (amount !== null && currency !== before.currency)) {
    patch.value = amount === null ? null : { amount, currency };
  }
  if (after.campaign.trim() !== before.campaign.trim()) {
    patch.campaign = after.campaign.trim() === "" ? null : after.campaign.trim();
  }
  if (after.source !== before.source) patch.source = after.source;
  if (tagsOf(after.tags).join("\n") !== tagsOf(before.tags).join("\n")) {
    patch.tags = tagsOf(after.tags);
  }
  return patch;
};

/**
 * After a 412: the current version with the user's own edits kept on top, and the fields
 * someone else changed meanwhile (to name them).
 */
export const rebaseOpportunityForm = (
  read: OpportunityForm,
  current: OpportunityForm,
  edited: OpportunityForm,
): OpportunityForm => {
  const form = { ...current };
  for (const field of FIELDS) {
    if (edited[field] !== read[field]) form[field] = edited[field];
  }
  return form;
};
