import { type Deadline, offerExpired } from "@dealflow/core";
import { systemContext } from "../../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../../service-kit/service-deps.js";
import { withSiblingsChecked } from "../offer-siblings.js";
import { loadCatalog, offersOfOpportunity } from "../routing-catalog.js";

/**
 * SPEC §5 routing offer expiry: a pending offer whose window ended expires. When it was the
 * last one standing, the managers' "choose another target" prompt (next-ranked targets) is
 * written to the outbox in the same commit, with the offer's `offer-closed` card update. The
 * offer's write is conditional on the version read, so a second sweep either conflicts (the
 * deadline stays and re-checks next time) or finds the offer settled and skips: the prompt is
 * written once.
 */
export const expireOffer = async (
  deps: ServiceDeps,
  deadline: Deadline,
): Promise<"fired" | "skipped"> => {
  const { tenantId } = deadline;
  const offer = await deps.store.getOffer(tenantId, deadline.subjectId);
  const [ctx, opportunity, offers, catalog] = await Promise.all([
    systemContext(deps, tenantId),
    offer === null ? null : deps.store.getOpportunity(tenantId, offer.opportunityId),
    offer === null ? [] : offersOfOpportunity(deps.store, tenantId, offer.opportunityId),
    loadCatalog(deps.store, tenantId),
  ]);
  const current = offer === null ? null : (offers.find((o) => o.id === offer.id) ?? offer);
  const fired = offerExpired({ deadline, offer: current, opportunity, offers, catalog }, ctx);
  if (!fired.fire) return "skipped";
  // A conflict (a sibling answered meanwhile) throws: the row stays and re-checks next sweep.
  await deps.store.commit(tenantId, withSiblingsChecked(fired, offers));
  return "fired";
};
