/**
 * One feature's strings in both languages. Each view folder keeps its own `*-messages.ts` and
 * the catalogs merge them, so a key added in English without its Spanish fails to typecheck.
 */
export type Messages<T extends Record<string, string>> = {
  en: T;
  es: Record<keyof T, string>;
};

export const defineMessages = <T extends Record<string, string>>(
  messages: Messages<T>,
): Messages<T> => messages;
