import { managerSettingsSchema, settingsBody } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { saveSettings } from "./settings.service.js";
import { managerSettingsView, settingsEtag } from "./settings-view.js";

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
    body: settingsBody,
    responses: {
      200: { description: "The saved settings", schema: managerSettingsSchema },
      403: { description: "Only managers change settings" },
      412: { description: "The settings changed since they were read" },
    },
    async handler({ principal, body, request }) {
      const saved = await saveSettings(deps, viewerOf(principal), body, ifMatchOf(request));
      return {
        body: await managerSettingsView(saved, principal.tenantId, { forms, connectors }),
        etag: settingsEtag(saved),
      };
    },
  });
};
