import type { RouteDeps } from "../api-context.js";
import type { ApiRoute } from "../api-route.js";
import { answerOfferRoutes } from "./answer-offer.route.js";
import { listOffersRoute } from "./list-offers.route.js";

/** SPEC §4.5: a target's user answers the offers sent to them. */
export const offerRoutes = (deps: RouteDeps): ApiRoute[] => [
  listOffersRoute(deps),
  ...answerOfferRoutes(deps),
];
