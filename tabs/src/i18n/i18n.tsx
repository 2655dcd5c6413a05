import { formatMessage, type Locale, type MessageParams } from "@dealflow/core/i18n";
import { Spinner } from "@fluentui/react-components";
import { createContext, type ReactNode, Suspense, use, useContext, useMemo } from "react";
import type { Catalog, MessageKey } from "./catalog-en.js";

export type { Locale } from "@dealflow/core/i18n";
export type Translate = (key: MessageKey, params?: MessageParams) => string;

// The catalogs hold every feature's strings (a fifth of the tab's first download as static
// imports), so each language is a chunk of its own, fetched while the session loads.
const loaded: Partial<Record<Locale, Catalog>> = {};

/**
 * A promise that says how it settled the way React's use() reads it (status and value), so a
 * render after the catalog arrived reads it at once instead of suspending again.
 */
type TrackedPromise<T> = Promise<T> &
  (
    | { status?: "pending" }
    | { status: "fulfilled"; value: T }
    | { status: "rejected"; reason: unknown }
  );

const loading = new Map<Locale, TrackedPromise<Catalog>>();

/** Fetches a language's catalog once; later calls answer the same promise. */
export const loadCatalog = (locale: Locale): Promise<Catalog> => {
  let promise = loading.get(locale);
  if (!promise) {
    const tracked: TrackedPromise<Catalog> = (
      locale === "es"
        ? import("./catalog-es.js").then((module) => module.catalogEs)
        : import("./catalog-en.js").then((module) => module.catalogEn)
    ).then(
      (catalog) => {
        loaded[locale] = catalog;
        Object.assign(tracked, { status: "fulfilled", value: catalog });
        return catalog;
      },
      (reason: unknown) => {
        // Kept: use() then throws it to the app's error panel instead of fetching again forever.
        Object.assign(tracked, { status: "rejected", reason });
        throw reason;
      },
    );
    promise = tracked;
    loading.set(locale, promise);
  }
  return promise;
};

// English is the default of the browser sign-in and of most Teams clients: ask for it at once.
void loadCatalog("en");

/** "es-ES", "es", "ES-mx" → es; anything else → en. */
export { localeOf as toLocale } from "@dealflow/core/i18n";

/**
 * Translates with a loaded catalog (the plural form `{count}` asks for, placeholders filled);
 * before it is loaded (never under I18nProvider) the key.
 */
export const createTranslate =
  (locale: Locale): Translate =>
  (key, params) =>
    formatMessage(locale, loaded[locale]?.[key] ?? key, params);

type I18n = { locale: Locale; t: Translate; timeZone: string | undefined };

const I18nContext = createContext<I18n>({
  locale: "en",
  t: createTranslate("en"),
  timeZone: undefined,
});

type I18nProps = { locale: Locale; timeZone?: string; children: ReactNode };

const ProvideI18n = (props: I18nProps) => {
  const value = useMemo(
    () => ({ locale: props.locale, t: createTranslate(props.locale), timeZone: props.timeZone }),
    [props.locale, props.timeZone],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
};

/** Suspends until the catalog is there, calling use() on every render it makes. */
const WaitForCatalog = (props: I18nProps) => {
  use(loadCatalog(props.locale));
  return <ProvideI18n {...props} />;
};

// Nothing is ever shown with a key for its words. A catalog not yet loaded is waited for by a
// component of its own (keyed apart): once the catalog is there the retry renders the words in
// its place, so no render that suspended in use() finishes without calling it (React's
// "conditional use()" error), and a loaded catalog is read at once, with no use() at all.
const LoadedI18n = (props: I18nProps) =>
  loaded[props.locale] ? (
    <ProvideI18n key="ready" {...props} />
  ) : (
    <WaitForCatalog key="waiting" {...props} />
  );

export const I18nProvider = (props: { locale: Locale; timeZone?: string; children: ReactNode }) => (
  <Suspense fallback={<Spinner />}>
    <LoadedI18n locale={props.locale} timeZone={props.timeZone}>
      {props.children}
    </LoadedI18n>
  </Suspense>
);

export const useI18n = (): I18n => useContext(I18nContext);
