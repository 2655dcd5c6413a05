/** The two languages Dealflow speaks (SPEC §4.6): catalogs exist for these and no others. */
export type Locale = "en" | "es";

export const LOCALES: readonly Locale[] = ["en", "es"];

/**
 * The one BCP 47 tag each language formats with (dates, numbers, currencies, plural rules) in
 * every part: a card, the tab and an email write the same date the same way.
 */
export const LOCALE_TAGS: Readonly<Record<Locale, string>> = { en: "en-GB", es: "es-ES" };

/** Teams and browsers send BCP 47 tags ("es-ES", "es", "ES-mx"): Spanish is es, the rest en. */
export const localeOf = (tag: string | null | undefined): Locale =>
  tag?.toLowerCase().startsWith("es") ? "es" : "en";

/**
 * A language we speak from a BCP 47 tag, or null for another language or no tag: a person's
 * language is recorded only when it is one of ours (a French Teams keeps the tenant's).
 */
export const supportedLocaleOf = (tag: unknown): Locale | null => {
  if (typeof tag !== "string" || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  const language = tag.split("-")[0]?.toLowerCase();
  return LOCALES.find((locale) => locale === language) ?? null;
};
