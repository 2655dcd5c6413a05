import { settingsAnswerSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import {
  isSettingsManager,
  managerSettingsView,
  sellerSettingsView,
  settingsEtag,
} from "./settings-view.js";

/**
 * GET /api/settings. Managers get the whole document; sellers get the part their tabs need
 * (sources, discard reasons, pipelines, durations) rather than a 403, so the tabs have one
 * place to read them from.
 */
export const getSettingsRoute = (deps: RouteDeps) => {
  const indexes = {
    forms: deps.store.forms,
    connectors: deps.store.connectors,
  };
  return defineApiRoute(deps, {
    name: "getSettings",
    method: "GET",
    route: "settings",
    summary: "The tenant's settings (all for managers; what the tabs need for sellers)",
    tag: "settings",
    responses: {
      200: {
        description: "The settings (a manager's or a seller's); ETag names their version",
        schema: settingsAnswerSchema,
      },
    },
    async handler({ principal }) {
      const settings = await deps.store.getSettings(principal.tenantId);
      const body = isSettingsManager(principal, settings)
        ? await managerSettingsView(settings, principal.tenantId, indexes)
        : sellerSettingsView(settings);
      return { body, etag: settingsEtag(settings) };
    },
  });
};
