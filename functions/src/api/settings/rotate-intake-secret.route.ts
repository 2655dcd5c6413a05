import { DomainError, intakeFormKeySchema } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { isSettingsManager } from "./settings-view.js";

/**
 * POST /api/settings/intake-forms/{key}/secret (managers): a new secret for the form, shown
 * this once. The old one stops working at once; GET /api/settings only says one is set.
 */
export const rotateIntakeSecretRoute = (deps: RouteDeps) => {
  const { forms } = deps.store;
  return defineApiRoute(deps, {
    name: "rotateIntakeSecret",
    method: "POST",
    route: "settings/intake-forms/{key}/secret",
    summary: "Generate a new secret for an intake form (shown once)",
    tag: "settings",
    params: z.object({ key: intakeFormKeySchema }),
    responses: {
      201: {
        description: "The new secret; store it now, it is not shown again",
        schema: z.object({ key: z.string(), secret: z.string(), intakePath: z.string() }),
      },
      403: { description: "Only managers manage intake forms" },
    },
    async handler({ principal, params }) {
      const settings = await deps.store.getSettings(principal.tenantId);
      if (!isSettingsManager(principal, settings)) {
        throw new DomainError("forbidden", "Only managers can manage intake forms.");
      }
      if (!settings.intakeForms.some((form) => form.key === params.key)) {
        throw new DomainError("not-found", "No such intake form.");
      }
      const secret = await forms.rotateSecret(params.key, principal.tenantId);
      return {
        status: 201,
        body: { key: params.key, secret, intakePath: `/api/intake/${params.key}` },
      };
    },
  });
};
