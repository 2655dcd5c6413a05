// The marketplace feature's public surface: other features and entry points import only this file.
export { connectorSignature, SIGNATURE_TOLERANCE_SECONDS } from "./connector-signature.js";
export {
  applyMarketplaceEvent,
  fireVisibilityClock,
  type MarketplaceDeps,
  type MarketplaceEventResult,
} from "./marketplace.service.js";
export { marketplaceRoutes } from "./marketplace-routes.js";
