import { idParams, offerSchema } from "@dealflow/contract";
import type { OfferAnswer } from "@dealflow/core";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { viewerOf } from "../../../identity/principal.js";
import { answerOffer } from "./answer-offer.service.js";
import { describeOffers } from "./describe-offers.js";

/**
 * SPEC §4.5: the offer's user (or a manager) accepts or declines. The first acceptance makes
 * the user the owner and withdraws the other offers in the same conditional write, so of two
 * simultaneous acceptances one fails (412) and changes nothing. Anyone else gets 404. The
 * bot's Accept / Decline buttons run the same service (answer-offer.service.ts).
 */
const answerRoute = (deps: RouteDeps, answer: OfferAnswer): ApiRoute =>
  defineApiRoute(deps, {
    name: answer === "accept" ? "acceptOffer" : "declineOffer",
    method: "POST",
    route: `offers/{id}/${answer}`,
    summary:
      answer === "accept"
        ? "Accept a routing offer: become the opportunity's owner"
        : "Decline a routing offer",
    tag: "Routing",
    params: idParams,
    responses: {
      200: { description: "The answered offer", schema: offerSchema },
      404: { description: "No such offer, or not one addressed to the user" },
      409: { description: "The offer expired or was already answered otherwise" },
      412: { description: "Another target accepted first" },
    },
    async handler({ params, principal }) {
      const { offer, version } = await answerOffer(deps, viewerOf(principal), params.id, answer);
      const [view] = await describeOffers(deps.store, principal.tenantId, [offer]);
      return { body: view, etag: version };
    },
  });

export const answerOfferRoutes = (deps: RouteDeps): ApiRoute[] => [
  answerRoute(deps, "accept"),
  answerRoute(deps, "decline"),
];
