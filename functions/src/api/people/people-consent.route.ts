import { z } from "zod";
import { adminConsentUrlOf } from "../../graph/graph-errors.js";
import type { RouteDeps } from "../api-context.js";
import { type ApiRoute, defineApiRoute } from "../api-route.js";

/**
 * GET /api/people/consent: the admin-consent URL of the caller's tenant (the one the
 * consent-required problem carries), null when Dealflow runs without Graph. The tab asks for
 * it after a consent-required answer, so an admin can grant consent from the picker itself.
 */
export const peopleConsentRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "peopleConsentLink",
    method: "GET",
    route: "people/consent",
    summary: "Where an administrator grants Dealflow consent for the caller's organisation",
    tag: "People",
    responses: {
      200: {
        description: "The admin-consent URL, or null without Microsoft Graph",
        schema: z.object({ adminConsentUrl: z.string().nullable() }),
      },
    },
    async handler({ principal }) {
      const graph = deps.config.graph;
      const adminConsentUrl =
        graph === null
          ? null
          : adminConsentUrlOf(graph.authorityHost, principal.tenantId, graph.clientId);
      return { body: { adminConsentUrl } };
    },
  });
