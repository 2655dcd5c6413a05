import type { ManagerSettings, SellerSettings } from "@dealflow/contract";
import { isManager, type Settings } from "@dealflow/core";
import { type Principal, viewerOf } from "../../identity/principal.js";
import type { ConnectorIndex } from "../../storage/tenants-table/connector-index.js";
import type { FormIndex } from "../../storage/tenants-table/form-index.js";

/** The ETag of settings never saved: a first save may name it in If-Match. */
export const DEFAULT_SETTINGS_ETAG = 'W/"defaults"';

export const settingsEtag = (settings: { version?: string }): string =>
  settings.version ?? DEFAULT_SETTINGS_ETAG;

export const isSettingsManager = (principal: Principal, settings: Settings): boolean =>
  isManager(viewerOf(principal), settings);

/** The global key indexes holding the secrets of intake forms and marketplace connectors. */
export type SecretIndexes = { forms: FormIndex; connectors: ConnectorIndex };

/**
 * What a manager sees: everything, with each intake form and marketplace connector saying
 * whether it has a secret — never the secret itself, which only the rotate call reveals, once.
 * A key held by another tenant counts as no secret: this tenant's first rotation is refused.
 */
export const managerSettingsView = async (
  settings: Settings & { version?: string },
  tenantId: string,
  indexes: SecretIndexes,
): Promise<ManagerSettings> => {
  const { version: _version, ...rest } = settings;
  const [intakeForms, marketplaces] = await Promise.all([
    Promise.all(
      settings.intakeForms.map(async (form) => {
        const row = await indexes.forms.get(form.key);
        return { ...form, hasSecret: row?.tenantId === tenantId && row.secret !== null };
      }),
    ),
    Promise.all(
      settings.marketplaces.map(async (connector) => {
        const row = await indexes.connectors.get(connector.key);
        return { ...connector, hasSecret: row?.tenantId === tenantId && row.secret !== "" };
      }),
    ),
  ]);
  return { ...rest, intakeForms, marketplaces };
};

/**
 * What a seller's tabs need (lists to pick from, the clocks they display); manager ids,
 * intake forms and marketplace connectors are administration and stay with managers.
 */
export const sellerSettingsView = (settings: Settings): SellerSettings => ({
  durations: settings.durations,
  discardReasons: settings.discardReasons,
  sources: settings.sources,
  pipelines: settings.pipelines,
  timeZone: settings.timeZone,
  locale: settings.locale,
});
