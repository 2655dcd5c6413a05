import {
  DomainError,
  isDomainError,
  isManager,
  type Settings,
  type Viewer,
  validateSettings,
} from "@dealflow/core";
import type { StoredSettings } from "../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import type { FormIndex } from "../../storage/tenants-table/form-index.js";
import { settingsEtag } from "./settings-view.js";

const stale = () =>
  new DomainError("conflict", "The settings were changed since you read them; reload them.");

/** Claims the keys this save adds; on any refusal gives back what it claimed before throwing. */
const claimNewKeys = async (
  forms: FormIndex,
  tenantId: string,
  next: Settings,
  added: ReadonlySet<string>,
): Promise<string[]> => {
  const claimed: string[] = [];
  try {
    for (const [index, form] of next.intakeForms.entries()) {
      if (!added.has(form.key)) continue;
      if (await forms.claim(form.key, tenantId, `intakeForms.${index}.key`)) claimed.push(form.key);
    }
    return claimed;
  } catch (error) {
    await releaseAll(forms, tenantId, claimed);
    throw error;
  }
};

// Best effort: a claim left behind points at a tenant whose settings lack the form, so
// intake answers 404 for it and the same tenant can claim it again.
const releaseAll = (forms: FormIndex, tenantId: string, keys: readonly string[]) =>
  Promise.all(keys.map((key) => forms.release(key, tenantId).catch(() => undefined)));

const assertSettingsManager = (actor: Viewer, settings: Settings, message: string) => {
  if (!isManager(actor, settings)) throw new DomainError("forbidden", message);
};

/**
 * PUT /api/settings' use case (managers): the whole document, validated by core's schema,
 * written only if it is still the version the manager read (`ifMatch`). Intake form keys are
 * claimed in the global index before the settings are saved, and released when a form is
 * removed.
 */
export const saveSettings = async (
  deps: ServiceDeps,
  actor: Viewer,
  document: unknown,
  ifMatch?: string | null,
): Promise<StoredSettings> => {
  const { tenantId } = actor;
  const { forms } = deps.store;
  const current = await deps.store.getSettings(tenantId);
  assertSettingsManager(actor, current, "Only managers can change the settings.");
  if (ifMatch !== null && ifMatch !== undefined && ifMatch !== "*") {
    if (ifMatch !== settingsEtag(current)) throw stale();
  }
  const next = validateSettings(document);
  const before = new Set(current.intakeForms.map((form) => form.key));
  const after = new Set(next.intakeForms.map((form) => form.key));
  const added = new Set([...after].filter((key) => !before.has(key)));
  const removed = [...before].filter((key) => !after.has(key));

  const claimed = await claimNewKeys(forms, tenantId, next, added);
  let version: string | undefined;
  try {
    const result = await deps.store.commit(tenantId, {
      changes: [{ entity: "settings", before: current, after: next }],
      schedule: [],
      cancel: [],
    });
    version = result.versions.get("settings");
  } catch (error) {
    await releaseAll(forms, tenantId, claimed);
    // Two first saves of never-saved settings race to create the row: the loser is stale.
    if (isDomainError(error) && error.code === "already-exists") throw stale();
    throw error;
  }
  await releaseAll(forms, tenantId, removed);
  return { ...next, ...(version ? { version } : {}) };
};

/**
 * A new secret for an intake form of the settings (managers), to be shown this once; the old
 * one stops working at once.
 */
export const rotateIntakeSecret = async (
  deps: ServiceDeps,
  actor: Viewer,
  key: string,
): Promise<string> => {
  const settings = await deps.store.getSettings(actor.tenantId);
  assertSettingsManager(actor, settings, "Only managers can manage intake forms.");
  if (!settings.intakeForms.some((form) => form.key === key)) {
    throw new DomainError("not-found", "No such intake form.");
  }
  return deps.store.forms.rotateSecret(key, actor.tenantId);
};

/**
 * A new HMAC secret for a marketplace connector of the settings (managers), to be shown this
 * once; the old one stops working at once. The first call claims the key for the tenant (a
 * key another organisation holds is refused).
 */
export const rotateConnectorSecret = async (
  deps: ServiceDeps,
  actor: Viewer,
  key: string,
): Promise<string> => {
  const settings = await deps.store.getSettings(actor.tenantId);
  assertSettingsManager(actor, settings, "Only managers can manage marketplace connectors.");
  if (!settings.marketplaces.some((connector) => connector.key === key)) {
    throw new DomainError("not-found", "No such marketplace connector.");
  }
  return deps.store.connectors.rotateSecret(key, actor.tenantId);
};
