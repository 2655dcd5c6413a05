import { idParams, marketplaceOutcomeBody, opportunitySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { opportunityAnswer } from "../opportunity/index.js";
import type { MarketplaceDeps } from "./marketplace.service.js";
import { recordMarketplaceOutcome } from "./marketplace-outcome.service.js";

/** SPEC §4.4 "or manual entry": the client's reaction, recorded by the owner or a manager. */
export const marketplaceOutcomeRoute = (deps: RouteDeps & MarketplaceDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "recordMarketplaceOutcome",
    method: "POST",
    route: "opportunities/{id}/marketplace-outcome",
    summary:
      "Record by hand that the client accepted, declined, or that the meeting was held (SPEC §4.4)",
    tag: "Marketplace",
    params: idParams,
    body: marketplaceOutcomeBody,
    responses: {
      200: { description: "The opportunity after the outcome", schema: opportunitySchema },
      403: { description: "Only the owner or a manager records it" },
      404: { description: "No such opportunity, or not one the user may see" },
      409: {
        description:
          "Not a marketplace opportunity, or the client already declined while hidden (withheld)",
      },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      const saved = await recordMarketplaceOutcome(
        deps,
        viewerOf(principal),
        params.id,
        body.outcome,
        ifMatchOf(request),
      );
      return opportunityAnswer(saved);
    },
  });
