import {
  canRead,
  DomainError,
  type Offer,
  type Opportunity,
  type RoutingCriteria,
  sendOffers,
} from "@dealflow/core";
import { type Actor, contextOf, isSystemActor } from "../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { loadCatalog, offersOfOpportunity } from "./routing-catalog.js";

export type RoutingRequest =
  | { mode: "automatic"; criteria: RoutingCriteria }
  | { mode: "manual"; targetId: string; criteria: RoutingCriteria };

/**
 * SPEC §4.5: a manager routes an opportunity, from the tab (POST …/routing) or the managers'
 * "choose another target" card (Route to); the seed's unassigned lead is routed by the
 * system. What the viewer may not see is 404 like what does not exist; a seller who may see
 * it is refused by the use case (403). Returns the offers sent now, each with its target's
 * name; an empty list writes nothing.
 */
export const routeOpportunity = async (
  deps: ServiceDeps,
  actor: Actor,
  opportunityId: string,
  request: RoutingRequest,
): Promise<{ opportunity: Opportunity; offers: Offer[]; targetNames: Map<string, string> }> => {
  const { tenantId } = actor;
  const [ctx, opportunity] = await Promise.all([
    contextOf(deps, actor),
    deps.store.getOpportunity(tenantId, opportunityId),
  ]);
  const seen =
    opportunity !== null && (isSystemActor(actor) || canRead(actor, opportunity, ctx.settings));
  if (opportunity === null || !seen) {
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
