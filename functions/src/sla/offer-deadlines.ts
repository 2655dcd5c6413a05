import { offerExpired, type UseCaseContext, ulidGenerator } from "@dealflow/core";
import { withSiblingsChecked } from "../features/routing/offer-siblings.js";
import { loadCatalog, offersOfOpportunity } from "../features/routing/routing-catalog.js";
import type { DeadlineHandler } from "./deadline-handlers.js";

const ids = ulidGenerator();

/**
 * SPEC §5 routing offer expiry: a pending offer whose window ended expires. When it was the
 * last one standing, the managers' "choose another target" prompt (next-ranked targets) is
 * written to the outbox in the same commit, with the offer's `offer-closed` card update. The offer's write is conditional on
 * the version read, so a second sweep either conflicts (the row stays and re-checks next
 * time) or finds the offer settled and skips: the prompt is written once.
 */
export const offerExpiryHandler: DeadlineHandler = async (deadline, ctx) => {
  const { tenantId } = deadline;
  const offer = await ctx.store.getOffer(tenantId, deadline.subjectId);
  const [settings, opportunity, offers, catalog] = await Promise.all([
    ctx.store.getSettings(tenantId),
    offer === null ? null : ctx.store.getOpportunity(tenantId, offer.opportunityId),
    offer === null ? [] : offersOfOpportunity(ctx.store, tenantId, offer.opportunityId),
    loadCatalog(ctx.store, tenantId),
  ]);
  const useCase: UseCaseContext = { now: ctx.now, actor: null, tenantId, settings, ids };
  const current = offer === null ? null : (offers.find((o) => o.id === offer.id) ?? offer);
  const fired = offerExpired({ deadline, offer: current, opportunity, offers, catalog }, useCase);
  if (!fired.fire) return "skipped";
  // A conflict (a sibling answered meanwhile) throws: the row stays and re-checks next sweep.
  await ctx.store.commit(tenantId, withSiblingsChecked(fired, offers));
  return "fired";
};
