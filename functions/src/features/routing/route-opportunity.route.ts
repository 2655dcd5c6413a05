import { idParams, idSchema } from "@dealflow/contract";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { offerResponse, offerSchema, offerTitleOf } from "./offers/offer.schema.js";
import { routeOpportunity } from "./route-opportunity.service.js";
import { routingCriteriaSchema } from "./targets/routing-target.schema.js";

const body = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("automatic"), criteria: routingCriteriaSchema.default({}) }),
  z.object({
    mode: z.literal("manual"),
    targetId: idSchema,
    criteria: routingCriteriaSchema.default({}),
  }),
]);

/**
 * SPEC §4.5: a manager routes an opportunity. Automatic sends offers to the best-ranked
 * matching targets (up to the tenant's "offers at once"); manual to the one target picked.
 * Sending again tops up a round without re-offering anyone already asked.
 */
export const routeOpportunityRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "routeOpportunity",
    method: "POST",
    route: "opportunities/{id}/routing",
    summary: "Send routing offers for an opportunity (managers): automatic or to one target",
    tag: "Routing",
    params: idParams,
    body,
    responses: {
      200: {
        description: "The offers sent now (empty when none could be)",
        schema: z.object({ items: z.array(offerSchema) }),
      },
      400: { description: "Invalid criteria or target (named)" },
      403: { description: "Only managers route" },
      404: { description: "No such opportunity, or not one the user may see" },
      409: { description: "Closed, or a target already accepted it" },
    },
    async handler({ params, body, principal }) {
      const { opportunity, offers, targetNames } = await routeOpportunity(
        deps,
        viewerOf(principal),
        params.id,
        body,
      );
      return {
        body: {
          items: offers.map((offer) =>
            offerResponse(offer, {
              opportunityTitle: offerTitleOf(opportunity),
              targetName: targetNames.get(offer.targetId) ?? null,
            }),
          ),
        },
      };
    },
  });
