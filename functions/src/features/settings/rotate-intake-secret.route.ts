import { intakeFormKeyParams, rotatedIntakeSecretSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { rotateIntakeSecret } from "./settings.service.js";

/**
 * POST /api/settings/intake-forms/{key}/secret (managers): a new secret for the form, shown
 * this once. The old one stops working at once; GET /api/settings only says one is set.
 */
export const rotateIntakeSecretRoute = (deps: RouteDeps) => {
  return defineApiRoute(deps, {
    name: "rotateIntakeSecret",
    method: "POST",
    route: "settings/intake-forms/{key}/secret",
    summary: "Generate a new secret for an intake form (shown once)",
    tag: "settings",
    params: intakeFormKeyParams,
    responses: {
      201: {
        description: "The new secret; store it now, it is not shown again",
        schema: rotatedIntakeSecretSchema,
      },
      403: { description: "Only managers manage intake forms" },
    },
    async handler({ principal, params }) {
      const secret = await rotateIntakeSecret(deps, viewerOf(principal), params.key);
      return {
        status: 201,
        body: { key: params.key, secret, intakePath: `/api/intake/${params.key}` },
      };
    },
  });
};
