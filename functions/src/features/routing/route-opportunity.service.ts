import {
  canRead,
  DomainError,
  type Offer,
  type Opportunity,
  type RoutingCriteria,
  sendOffers,
  type Viewer,
} from "@dealflow/core";
import type { RouteDeps } from "../../api/api-context.js";
import { loadCatalog, offersOfOpportunity } from "./routing-catalog.js";
import { viewerContext } from "./viewer-context.js";

export type RoutingRequest =
  | { mode: "automatic"; criteria: RoutingCriteria }
  | { mode: "manual"; targetId: string; criteria: RoutingCriteria };

/**
 * SPEC §4.5: a manager routes an opportunity, from the tab (POST …/routing) or the managers'
 * "choose another target" card (Route to). What the viewer may not see is 404 like what does
 * not exist; a seller who may see it is refused by the use case (403). Returns the offers sent
 * now, each with its target's name; an empty list writes nothing.
 */
export const routeOpportunityAs = async (
  deps: Pick<RouteDeps, "store" | "clock">,
  viewer: Viewer,
  opportunityId: string,
  request: RoutingRequest,
): Promise<{ opportunity: Opportunity; offers: Offer[]; targetNames: Map<string, string> }> => {
  const { tenantId } = viewer;
  const [ctx, opportunity] = await Promise.all([
    viewerContext(deps, viewer),
    deps.store.getOpportunity(tenantId, opportunityId),
  ]);
  if (opportunity === null || !canRead(viewer, opportunity, ctx.settings)) {
    throw new DomainError("not-found", "The opportunity does not exist.");
  }
  const [catalog, offers] = await Promise.all([
    loadCatalog(deps.store, tenantId),
    offersOfOpportunity(deps.store, tenantId, opportunity.id),
  ]);
  const outcome = sendOffers({ ...request, opportunity, offers, catalog }, ctx);
  if (outcome.changes.length > 0) await deps.store.commit(tenantId, outcome);
  return {
    opportunity,
    offers: outcome.value,
    targetNames: new Map(catalog.targets.map((target) => [target.id, target.name])),
  };
};
