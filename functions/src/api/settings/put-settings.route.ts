import {
  DomainError,
  isDomainError,
  type Settings,
  settingsSchema,
  validateSettings,
} from "@dealflow/core";
import { z } from "zod";
import type { FormIndex } from "../../storage/tenants-table/form-index.js";
import type { RouteDeps } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { ifMatchOf } from "../http/etag.js";
import { isSettingsManager, managerSettingsView, settingsEtag } from "./settings-view.js";

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

/**
 * PUT /api/settings (managers): the whole document, validated by core's schema, written only
 * if it is still the version the manager read (If-Match). Intake form keys are claimed in
 * the global index before the settings are saved, and released when a form is removed.
 */
export const putSettingsRoute = (deps: RouteDeps) => {
  const { forms, connectors } = deps.store;
  return defineApiRoute(deps, {
    name: "putSettings",
    method: "PUT",
    route: "settings",
    summary: "Replace the tenant's settings (managers)",
    tag: "settings",
    body: settingsSchema,
    responses: {
      200: { description: "The saved settings", schema: z.looseObject({}) },
      403: { description: "Only managers change settings" },
      412: { description: "The settings changed since they were read" },
    },
    async handler({ principal, body, request }) {
      const tenantId = principal.tenantId;
      const current = await deps.store.getSettings(tenantId);
      if (!isSettingsManager(principal, current)) {
        throw new DomainError("forbidden", "Only managers can change the settings.");
      }
      const expected = ifMatchOf(request);
      if (expected !== null && expected !== "*" && expected !== settingsEtag(current))
        throw stale();
      const next = validateSettings(body);
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
      const saved = { ...next, ...(version ? { version } : {}) };
      return {
        body: await managerSettingsView(saved, tenantId, { forms, connectors }),
        etag: settingsEtag(saved),
      };
    },
  });
};
