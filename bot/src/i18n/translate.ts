import type { Locale } from "@dealflow/core";
import { EN, type MessageKey } from "./messages.en.js";
import { ES } from "./messages.es.js";

export type { MessageKey } from "./messages.en.js";

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en: EN, es: ES };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The catalog of one locale, with `{name}` placeholders filled in. */
export const translator =
  (locale: Locale): Translate =>
  (key, values = {}) =>
    CATALOGS[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );

/** Teams sends BCP 47 tags ("es-ES", "en-US"); anything not Spanish is English (SPEC §4.6). */
export const localeOf = (tag: string | null | undefined): Locale =>
  tag?.toLowerCase().startsWith("es") ? "es" : "en";
