import type { Message, TranslationOf } from "@dealflow/core/i18n";

/**
 * One feature's strings in both languages. Each view folder keeps its own `*-messages.ts` and
 * the catalogs merge them, so a key added in English without its Spanish (or a plural in one
 * language and plain words in the other) fails to typecheck.
 */
export type Messages<T extends Record<string, Message>> = {
  en: T;
  es: TranslationOf<T>;
};

export const defineMessages = <T extends Record<string, Message>>(
  messages: Messages<T>,
): Messages<T> => messages;
