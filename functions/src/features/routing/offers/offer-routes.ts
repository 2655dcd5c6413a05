import type { RouteDeps } from "../../../api/api-context.js";
import type { ApiRoute } from "../../../api/api-route.js";
import { answerOfferRoutes } from "./answer-offer.route.js";
import { listOffersRoute } from "./list-offers.route.js";
import { listOpportunityOffersRoute } from "./opportunity-offers.route.js";

/** SPEC §4.5: a target's user answers the offers sent to them; managers oversee them all. */
export const offerRoutes = (deps: RouteDeps): ApiRoute[] => [
  listOffersRoute(deps),
  listOpportunityOffersRoute(deps),
  ...answerOfferRoutes(deps),
];
