import { isManager, type Settings } from "@dealflow/core";
import { type Principal, viewerOf } from "../../identity/principal.js";
import type { FormIndex } from "../intake/form-index.js";

/** The ETag of settings never saved: a first save may name it in If-Match. */
export const DEFAULT_SETTINGS_ETAG = 'W/"defaults"';

export const settingsEtag = (settings: { version?: string }): string =>
  settings.version ?? DEFAULT_SETTINGS_ETAG;

export const isSettingsManager = (principal: Principal, settings: Settings): boolean =>
  isManager(viewerOf(principal), settings);

/**
 * What a manager sees: everything, with each intake form saying whether it has a secret —
 * never the secret itself, which only the rotate call reveals, once.
 */
export const managerSettingsView = async (
  settings: Settings & { version?: string },
  tenantId: string,
  forms: FormIndex,
) => {
  const { version: _version, ...rest } = settings;
  const intakeForms = await Promise.all(
    settings.intakeForms.map(async (form) => {
      const row = await forms.get(form.key);
      return { ...form, hasSecret: row?.tenantId === tenantId && row.secret !== null };
    }),
  );
  return { ...rest, intakeForms };
};

/**
 * What a seller's tabs need (lists to pick from, the clocks they display); manager ids,
 * intake forms and marketplace connectors are administration and stay with managers.
 */
export const sellerSettingsView = (settings: Settings) => ({
  durations: settings.durations,
  discardReasons: settings.discardReasons,
  sources: settings.sources,
  pipelines: settings.pipelines,
  timeZone: settings.timeZone,
  locale: settings.locale,
});
