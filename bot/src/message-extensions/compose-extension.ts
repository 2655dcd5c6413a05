import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/adaptive-card.js";
import type { ExtensionAttachment } from "../cards/message-extension-cards.js";

/** The invokes of Dealflow's message extension (manifest `composeExtensions`). */
export const MESSAGE_EXTENSION_INVOKES = [
  "composeExtension/query",
  "composeExtension/fetchTask",
  "composeExtension/submitAction",
  "composeExtension/queryLink",
  "composeExtension/anonymousQueryLink",
] as const;

export type MessageExtensionInvoke = (typeof MESSAGE_EXTENSION_INVOKES)[number];

export const isMessageExtensionInvoke = (name: unknown): name is MessageExtensionInvoke =>
  MESSAGE_EXTENSION_INVOKES.includes(name as MessageExtensionInvoke);

/** The manifest's command ids (CONTRACTS.md). */
export const SEARCH_COMMAND = "searchOpportunities";
export const CREATE_COMMAND = "createFromMessage";

/** The body Teams reads from an invoke's HTTP answer (always 200: Teams shows a 500 as a failure). */
export type ExtensionAnswer =
  | {
      composeExtension:
        | { type: "result"; attachmentLayout: "list"; attachments: ExtensionAttachment[] }
        | { type: "message"; text: string };
    }
  | { task: { type: "message"; value: string } }
  | {
      task: {
        type: "continue";
        value: {
          title: string;
          width: "medium";
          height: "large";
          card: { contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: AdaptiveCard };
        };
      };
    };

export const results = (attachments: ExtensionAttachment[]): ExtensionAnswer => ({
  composeExtension: { type: "result", attachmentLayout: "list", attachments },
});

/** A search's or a link's answer in words (an unknown command, an unknown user). */
export const extensionMessage = (text: string): ExtensionAnswer => ({
  composeExtension: { type: "message", text },
});

/** An action command's answer in words, shown by Teams in place of the dialog. */
export const taskMessage = (text: string): ExtensionAnswer => ({
  task: { type: "message", value: text },
});

export const dialog = (title: string, card: AdaptiveCard): ExtensionAnswer => ({
  task: {
    type: "continue",
    value: {
      title,
      width: "medium",
      height: "large",
      card: { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card },
    },
  },
});

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** The fields of an invoke's `value` the extension reads; anything missing is empty. */
export const invokeValue = (value: unknown) => {
  const v = record(value);
  const parameters = Array.isArray(v.parameters) ? v.parameters.map(record) : [];
  const parameter = (name: string) => {
    const found = parameters.find((p) => p.name === name)?.value;
    return typeof found === "string" ? found : null;
  };
  const options = record(v.queryOptions);
  const count = (raw: unknown, fallback: number) =>
    typeof raw === "number" && Number.isInteger(raw) && raw >= 0 ? raw : fallback;
  return {
    commandId: typeof v.commandId === "string" ? v.commandId : null,
    parameter,
    skip: count(options.skip, 0),
    count: count(options.count, 25),
    url: typeof v.url === "string" ? v.url : null,
    data: record(v.data),
    messagePayload: record(v.messagePayload),
  };
};

export type InvokeValue = ReturnType<typeof invokeValue>;
