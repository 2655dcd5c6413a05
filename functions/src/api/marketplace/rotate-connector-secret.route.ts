import { DomainError } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { isSettingsManager } from "../settings/settings-view.js";
import { connectorKeySchema } from "./connector-events.js";
import { SIGNATURE_TOLERANCE_SECONDS } from "./connector-signature.js";

/**
 * POST /api/settings/marketplaces/{key}/secret (managers): a new HMAC secret for a connector
 * configured in the settings, shown this once. The old one stops working at once. The first
 * call claims the key for the tenant (a key another organisation holds is refused).
 */
export const rotateConnectorSecretRoute = (deps: RouteDeps) => {
  const { connectors } = deps.store;
  return defineApiRoute(deps, {
    name: "rotateMarketplaceSecret",
    method: "POST",
    route: "settings/marketplaces/{key}/secret",
    summary: "Generate a new signing secret for a marketplace connector (shown once)",
    tag: "settings",
    params: z.object({ key: connectorKeySchema }),
    responses: {
      201: {
        description: "The new secret; store it in the marketplace now, it is not shown again",
        schema: z.object({
          key: z.string(),
          secret: z.string(),
          eventsPath: z.string(),
          toleranceSeconds: z.number(),
        }),
      },
      400: { description: "The key is held by another organisation" },
      403: { description: "Only managers manage marketplace connectors" },
      404: { description: "No connector with this key in the settings" },
    },
    async handler({ principal, params }) {
      const settings = await deps.store.getSettings(principal.tenantId);
      if (!isSettingsManager(principal, settings)) {
        throw new DomainError("forbidden", "Only managers can manage marketplace connectors.");
      }
      if (!settings.marketplaces.some((connector) => connector.key === params.key)) {
        throw new DomainError("not-found", "No such marketplace connector.");
      }
      const secret = await connectors.rotateSecret(params.key, principal.tenantId);
      return {
        status: 201,
        body: {
          key: params.key,
          secret,
          eventsPath: `/api/marketplace/${params.key}/events`,
          toleranceSeconds: SIGNATURE_TOLERANCE_SECONDS,
        },
      };
    },
  });
};
