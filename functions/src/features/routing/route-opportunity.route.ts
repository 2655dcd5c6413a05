import { idParams, routedOffersSchema, routeOpportunityBody } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { offerResponse, offerTitleOf } from "./offers/offer-answer.js";
import { routeOpportunity } from "./route-opportunity.service.js";

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
    body: routeOpportunityBody,
    responses: {
      200: {
        description: "The offers sent now (empty when none could be)",
        schema: routedOffersSchema,
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
