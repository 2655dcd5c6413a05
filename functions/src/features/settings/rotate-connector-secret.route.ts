import { connectorKeyParams, rotatedConnectorSecretSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { SIGNATURE_TOLERANCE_SECONDS } from "../marketplace/index.js";
import { rotateConnectorSecret } from "./settings.service.js";

/**
 * POST /api/settings/marketplaces/{key}/secret (managers): a new HMAC secret for a connector
 * configured in the settings, shown this once. The old one stops working at once. The first
 * call claims the key for the tenant (a key another organisation holds is refused).
 */
export const rotateConnectorSecretRoute = (deps: RouteDeps) => {
  return defineApiRoute(deps, {
    name: "rotateMarketplaceSecret",
    method: "POST",
    route: "settings/marketplaces/{key}/secret",
    summary: "Generate a new signing secret for a marketplace connector (shown once)",
    tag: "settings",
    params: connectorKeyParams,
    responses: {
      201: {
        description: "The new secret; store it in the marketplace now, it is not shown again",
        schema: rotatedConnectorSecretSchema,
      },
      400: { description: "The key is held by another organisation" },
      403: { description: "Only managers manage marketplace connectors" },
      404: { description: "No connector with this key in the settings" },
    },
    async handler({ principal, params }) {
      const viewer = viewerOf(principal);
      const secret = await rotateConnectorSecret(deps, viewer, params.key);
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
