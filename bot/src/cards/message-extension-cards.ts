import type { Opportunity, Task } from "@dealflow/core";
import { formatDateTime, formatMoney, type Reader } from "../i18n/format.js";
import type { Translate } from "../i18n/translate.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  facts,
  heading,
  openUrl,
  text,
} from "./adaptive-card.js";
import { type LinkConfig, opportunityLink } from "./deep-link.js";
import type { Shown } from "./shown.js";

type Words = { t: Translate; reader: Reader };

/** One result of the message extension: the card shared in the conversation, and its list row. */
export type ExtensionAttachment = {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
  preview: {
    contentType: "application/vnd.microsoft.card.thumbnail";
    content: { title: string; text: string };
  };
};

export type OpportunitySummary = {
  opportunity: Shown<Opportunity>;
  stageName: string;
  ownerName: string | null;
  nextTask: Shown<Task> | null;
};

// A thumbnail card's text is read as HTML by Teams: data shows as typed, never as markup.
const plain = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * What a shared opportunity shows everyone in the conversation (issue 21): title, stage, value,
 * owner, next task and Open; no contact data, which only Dealflow itself shows to its readers.
 */
export const opportunitySummaryAttachment = (
  summary: OpportunitySummary,
  { t, reader }: Words,
  links: LinkConfig,
): ExtensionAttachment => {
  const { opportunity } = summary;
  const value = formatMoney(opportunity.value ? [opportunity.value] : [], reader.locale);
  const owner = summary.ownerName ?? t("opp.unassigned");
  const card = adaptiveCard({
    body: [
      heading(opportunity.title),
      facts([
        [t("opp.stage"), summary.stageName],
        [t("opp.value"), value],
        [t("opp.owner"), owner],
        [
          t("opp.nextTask"),
          summary.nextTask
            ? `${summary.nextTask.title} (${formatDateTime(summary.nextTask.dueAt, reader)})`
            : t("status.none"),
        ],
      ]),
    ],
    actions: [openUrl(t("action.open"), opportunityLink(opportunity.id, links))],
    fallbackText: opportunity.title,
  });
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: card,
    preview: {
      contentType: "application/vnd.microsoft.card.thumbnail",
      content: {
        title: plain(opportunity.title),
        text: plain(`${summary.stageName} · ${value} · ${owner}`),
      },
    },
  };
};

/** The zero-install unfurl (anonymousQueryLink): that it is Dealflow's, and nothing of the record. */
export const privateLinkAttachment = ({ t }: Words, url: string): ExtensionAttachment => ({
  contentType: ADAPTIVE_CARD_CONTENT_TYPE,
  content: adaptiveCard({
    body: [heading(t("ext.linkTitle")), text(t("ext.linkText"), { isSubtle: true })],
    actions: [openUrl(t("action.open"), url)],
    fallbackText: t("ext.linkTitle"),
  }),
  preview: {
    contentType: "application/vnd.microsoft.card.thumbnail",
    content: { title: plain(t("ext.linkTitle")), text: plain(t("ext.linkText")) },
  },
});

/** The form's fields, named as `composeExtension/submitAction` sends them (CONTRACTS.md). */
export type CreateFormValues = {
  contactName: string;
  company: string;
  email: string;
  phone: string;
  source: string;
};

export type CreateForm = {
  values: CreateFormValues;
  sources: readonly { id: string; label: string }[];
  /** The message's text, shown as it will be kept (the first note). */
  message: string;
  /** What to fix, naming the field; null on the first showing. */
  error: string | null;
};

const input = (
  id: keyof CreateFormValues,
  label: string,
  value: string,
  extra: Record<string, unknown> = {},
): CardElement => ({ type: "Input.Text", id, label, value, ...extra });

/** Create from a message's dialog: the contact prefilled from the message's sender. */
export const createFromMessageCard = (form: CreateForm, { t }: Words): AdaptiveCard => {
  const { values } = form;
  return adaptiveCard({
    body: [
      text(t("create.intro"), { isSubtle: true }),
      ...(form.error === null ? [] : [text(form.error, { color: "Attention", weight: "Bolder" })]),
      input("contactName", t("create.contactName"), values.contactName, {
        isRequired: true,
        errorMessage: t("create.required", { field: t("create.contactName") }),
        maxLength: 200,
      }),
      input("company", t("create.company"), values.company, { maxLength: 200 }),
      input("email", t("create.email"), values.email, { style: "Email" }),
      input("phone", t("create.phone"), values.phone, { style: "Tel", maxLength: 40 }),
      {
        type: "Input.ChoiceSet",
        id: "source",
        label: t("create.source"),
        value: values.source,
        choices: form.sources.map((source) => ({ title: source.label, value: source.id })),
      },
      ...(form.message === ""
        ? []
        : [
            text(t("create.message"), { weight: "Bolder", spacing: "Medium" }),
            text(form.message, { isSubtle: true, maxLines: 6 }),
          ]),
    ],
    actions: [{ type: "Action.Submit", title: t("create.submit") }],
    fallbackText: t("create.title"),
  });
};
