import { type FieldError, isDomainError, type Settings } from "@dealflow/core";
import { type CreateFormValues, createFromMessageCard } from "../cards/message-extension-cards.js";
import type { BotUser } from "../commands/bot-user.js";
import { errorText } from "../commands/handle-command.js";
import type { MessageKey } from "../i18n/translate.js";
import {
  dialog,
  type ExtensionAnswer,
  type InvokeValue,
  results,
  taskMessage,
} from "./compose-extension.js";
import { messageText, senderName } from "./message-text.js";
import { type ExtensionDeps, summaryAttachments } from "./opportunity-attachments.js";

/** Where an opportunity made from a message comes from, unless the form says otherwise. */
export const TEAMS_MESSAGE_SOURCE = "teams-message";

const defaultSource = (settings: Settings): string =>
  settings.sources.some((source) => source.id === TEAMS_MESSAGE_SOURCE)
    ? TEAMS_MESSAGE_SOURCE
    : (settings.sources[0]?.id ?? TEAMS_MESSAGE_SOURCE);

const showForm = (
  user: BotUser,
  values: CreateFormValues,
  message: string,
  error: string | null,
): ExtensionAnswer =>
  dialog(
    user.t("create.title"),
    createFromMessageCard(
      { values, sources: user.settings.sources, message, error },
      { t: user.t, reader: user.reader },
    ),
  );

/** `composeExtension/fetchTask` of `createFromMessage`: the form, prefilled from the message. */
export const openCreateForm = (user: BotUser, value: InvokeValue): ExtensionAnswer =>
  showForm(
    user,
    {
      contactName: senderName(value.messagePayload),
      company: "",
      email: "",
      phone: "",
      source: defaultSource(user.settings),
    },
    messageText(value.messagePayload),
    null,
  );

const field = (data: Record<string, unknown>, name: keyof CreateFormValues): string => {
  const raw = data[name];
  return typeof raw === "string" ? raw : "";
};

// Core names its fields after the API's body; the form's are CONTRACTS.md's submitAction data.
const FORM_FIELDS: Record<string, MessageKey> = {
  "contact.name": "create.contactName",
  "contact.company": "create.company",
  "contact.email": "create.email",
  "contact.phone": "create.phone",
  source: "create.source",
  note: "create.message",
};

const fieldProblem = (user: BotUser, error: FieldError): string => {
  const key = FORM_FIELDS[error.path];
  if (key === undefined) return user.t("error.generic");
  const field = user.t(key);
  return error.message === "is required"
    ? user.t("create.required", { field })
    : user.t("create.invalid", { field });
};

/**
 * `composeExtension/submitAction` of `createFromMessage` (issue 21): the opportunity, owned by
 * the asker, by the API's own use case, with the message's text as its first note; answered
 * with its card. Bad input shows the form again, naming the field; nothing is written.
 */
export const submitCreateForm = async (
  deps: ExtensionDeps,
  user: BotUser,
  value: InvokeValue,
): Promise<ExtensionAnswer> => {
  // Only a person Dealflow knows owns an opportunity (the tab's first visit provisions them).
  if (user.user?.active !== true) return taskMessage(user.t("ext.unknownUser"));
  const values: CreateFormValues = {
    contactName: field(value.data, "contactName"),
    company: field(value.data, "company"),
    email: field(value.data, "email"),
    phone: field(value.data, "phone"),
    source: field(value.data, "source") || defaultSource(user.settings),
  };
  const note = messageText(value.messagePayload);
  const blank = (text: string) => (text.trim() === "" ? null : text);
  try {
    const created = await deps.data.createOpportunity(user.viewer, {
      contact: {
        name: values.contactName,
        company: blank(values.company),
        email: blank(values.email),
        phone: blank(values.phone),
      },
      source: values.source,
      note: blank(note),
    });
    return results(
      await summaryAttachments(deps, user, [{ opportunity: created, nextTask: null }]),
    );
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "validation" && error.errors.length > 0) {
      const problems = error.errors.map((problem) => fieldProblem(user, problem));
      return showForm(user, values, note, [...new Set(problems)].join(" "));
    }
    return taskMessage(errorText(error, user.t));
  }
};
