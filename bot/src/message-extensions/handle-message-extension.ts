import type { Locale } from "@dealflow/core";
import { resolveBotUser } from "../commands/bot-user.js";
import { translator } from "../i18n/translate.js";
import {
  CREATE_COMMAND,
  type ExtensionAnswer,
  extensionMessage,
  invokeValue,
  type MessageExtensionInvoke,
  SEARCH_COMMAND,
  taskMessage,
} from "./compose-extension.js";
import { openCreateForm, submitCreateForm } from "./create-from-message.js";
import type { ExtensionDeps } from "./opportunity-attachments.js";
import { searchOpportunities } from "./search-opportunities.js";
import { unfurlAnonymousLink, unfurlLink } from "./unfurl-link.js";

export type ExtensionRequest = {
  name: MessageExtensionInvoke;
  value: unknown;
  tenantId: string | null;
  /** Null when Teams names nobody (a zero-install link, a client that sends no Entra id). */
  userId: string | null;
  clientLocale: Locale;
  now: Date;
};

/**
 * Dealflow's message extension (issue 21, CONTRACTS.md "Message extension"): search and share,
 * create from a message, link unfurling. Every answer is one Teams reads (never an error
 * status): an unknown command or an unknown user gets words, in the shape its invoke expects.
 */
export const handleMessageExtension = async (
  request: ExtensionRequest,
  deps: ExtensionDeps,
): Promise<ExtensionAnswer> => {
  const value = invokeValue(request.value);
  const t = translator(request.clientLocale);
  const isTask =
    request.name === "composeExtension/fetchTask" ||
    request.name === "composeExtension/submitAction";
  const inWords = isTask ? taskMessage : extensionMessage;
  if (request.name === "composeExtension/anonymousQueryLink") {
    return unfurlAnonymousLink(
      deps,
      { t, reader: { locale: request.clientLocale, timeZone: "UTC" } },
      value,
    );
  }
  const expected = request.name === "composeExtension/query" ? SEARCH_COMMAND : CREATE_COMMAND;
  if (request.name !== "composeExtension/queryLink" && value.commandId !== expected) {
    return inWords(t("ext.unknownCommand", { command: value.commandId ?? "" }));
  }
  if (request.tenantId === null || request.userId === null) return inWords(t("ext.unknownUser"));
  const user = await resolveBotUser(
    deps.data,
    request.tenantId,
    request.userId,
    request.clientLocale,
    request.now,
  );
  switch (request.name) {
    case "composeExtension/query":
      return searchOpportunities(deps, user, value);
    case "composeExtension/queryLink":
      return unfurlLink(deps, user, value);
    case "composeExtension/fetchTask":
      return openCreateForm(user, value);
    case "composeExtension/submitAction":
      return submitCreateForm(deps, user, value);
  }
};
