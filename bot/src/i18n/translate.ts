import { formatMessage, type Locale, type MessageParams } from "@dealflow/core";
import { EN, type MessageKey } from "./messages.en.js";
import { ES } from "./messages.es.js";

export { localeOf } from "@dealflow/core";
export type { MessageKey } from "./messages.en.js";

const CATALOGS = { en: EN, es: ES } as const;

export type Translate = (key: MessageKey, values?: MessageParams) => string;

/** The catalog of one locale: the plural form `{count}` asks for, `{name}` placeholders filled in. */
export const translator =
  (locale: Locale): Translate =>
  (key, values) =>
    formatMessage(locale, CATALOGS[locale][key], values);
