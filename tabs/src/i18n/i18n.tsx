import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type Catalog, catalogEn, type MessageKey } from "./catalog-en.js";
import { catalogEs } from "./catalog-es.js";

export type Locale = "en" | "es";
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Locale, Catalog> = { en: catalogEn, es: catalogEs };

/** "es-ES", "es", "ES-mx" → es; anything else → en. */
export const toLocale = (tag: string | null | undefined): Locale =>
  tag?.toLowerCase().startsWith("es") ? "es" : "en";

export const createTranslate =
  (locale: Locale): Translate =>
  (key, params = {}) =>
    catalogs[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );

type I18n = { locale: Locale; t: Translate; timeZone: string | undefined };

const I18nContext = createContext<I18n>({
  locale: "en",
  t: createTranslate("en"),
  timeZone: undefined,
});

export const I18nProvider = (props: { locale: Locale; timeZone?: string; children: ReactNode }) => {
  const value = useMemo(
    () => ({ locale: props.locale, t: createTranslate(props.locale), timeZone: props.timeZone }),
    [props.locale, props.timeZone],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => useContext(I18nContext);
