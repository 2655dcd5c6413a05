import { LOCALE_TAGS, type Locale } from "./locale.js";

/**
 * A message whose words depend on a number, by the language's plural categories (Intl's
 * PluralRules): English and Spanish need `one` and `other`; Spanish also has `many` (a million
 * and up, "1 millón de…"), which falls back to `other` when absent.
 */
export type PluralMessage = {
  readonly one: string;
  readonly other: string;
  readonly many?: string;
};

/** A catalog entry: plain words with `{name}` placeholders, or plural forms chosen by `{count}`. */
export type Message = string | PluralMessage;

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The second language of a catalog: the same keys, and plural forms wherever the first
 * language has them, so a key added in one language without the other fails to typecheck.
 */
export type TranslationOf<T extends Record<string, Message>> = {
  [K in keyof T]: T[K] extends string ? string : PluralMessage;
};

const pluralRules = new Map<Locale, Intl.PluralRules>();

const pluralOf = (locale: Locale, count: number): Intl.LDMLPluralRule => {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
};

const wordsFor = (locale: Locale, message: Message, count: unknown): string => {
  if (typeof message === "string") return message;
  if (typeof count !== "number") return message.other;
  const category = pluralOf(locale, count);
  return category === "one"
    ? message.one
    : category === "many"
      ? (message.many ?? message.other)
      : message.other;
};

/**
 * The words of a message for `params`: the plural form `params.count` asks for, then each
 * `{name}` replaced by its value (a placeholder without a value stays as written, visibly).
 */
export const formatMessage = (
  locale: Locale,
  message: Message,
  params: MessageParams = {},
): string =>
  wordsFor(locale, message, params.count).replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
