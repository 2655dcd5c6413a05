// The routing feature's public surface: other features and entry points import only this file.
export { answerOffer } from "./offers/answer-offer.service.js";
export { expireOffer } from "./offers/offer-expiry.service.js";
export { offerRoutes } from "./offers/offer-routes.js";
export { type RoutingRequest, routeOpportunity } from "./route-opportunity.service.js";
export { loadCatalog, offersOfOpportunity } from "./routing-catalog.js";
export { routingRoutes } from "./routing-routes.js";
export {
  createTarget,
  deactivateTarget,
  listTargets,
  type SavedTarget,
  updateTarget,
} from "./targets/target.service.js";
