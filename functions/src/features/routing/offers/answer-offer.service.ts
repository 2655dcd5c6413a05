import {
  answerOffer as answerOfferRule,
  DomainError,
  isDomainError,
  type Offer,
  type OfferAnswer,
  type Viewer,
} from "@dealflow/core";
import { actingContext } from "../../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../../service-kit/service-deps.js";
import { offerKey } from "../../../storage/rows/record.rows.js";
import { openTasksOf } from "../../opportunity/index.js";
import { withSiblingsChecked } from "../offer-siblings.js";
import { loadCatalog, offersOfOpportunity } from "../routing-catalog.js";

const unseen = () => new DomainError("not-found", "The offer does not exist.");

/** A sibling answered at the same moment is re-read and decided again, up to this many times. */
const MAX_ATTEMPTS = 3;

/**
 * SPEC §4.5: the offer's user (or a manager) accepts or declines, for the route and the bot's
 * card alike. The first acceptance makes the user the owner and withdraws the other offers in
 * the same conditional write, so of two simultaneous acceptances one fails (412) and changes
 * nothing. Anyone else gets 404. Returns the answered offer and its new version.
 */
export const answerOffer = async (
  deps: ServiceDeps,
  viewer: Viewer,
  offerId: string,
  answer: OfferAnswer,
): Promise<{ offer: Offer; version: string | undefined }> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await answerOnce(deps, viewer, offerId, answer);
    } catch (error) {
      const retry = isDomainError(error) && error.code === "conflict" && attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
    }
  }
};

const answerOnce = async (
  deps: ServiceDeps,
  viewer: Viewer,
  offerId: string,
  answer: OfferAnswer,
) => {
  const { tenantId } = viewer;
  const offer = await deps.store.getOffer(tenantId, offerId);
  if (offer === null) throw unseen();
  const [ctx, opportunity] = await Promise.all([
    actingContext(deps, viewer),
    deps.store.getOpportunity(tenantId, offer.opportunityId),
  ]);
  if (opportunity === null) throw unseen();
  // Only an acceptance moves tasks; a refused caller learns nothing from the reads.
  const [catalog, offers, openTasks] = await Promise.all([
    loadCatalog(deps.store, tenantId),
    offersOfOpportunity(deps.store, tenantId, opportunity.id),
    answer === "accept" ? openTasksOf(deps, tenantId, opportunity.id) : [],
  ]);
  const current = offers.find((other) => other.id === offer.id) ?? offer;
  const outcome = withSiblingsChecked(
    answerOfferRule({ offer: current, opportunity, offers, answer, catalog, openTasks }, ctx),
    offers,
  );
  if (outcome.changes.length === 0) return { offer: outcome.value, version: current.version };
  const result = await deps.store.commit(tenantId, outcome);
  return { offer: outcome.value, version: result.versions.get(offerKey(offer.id)) };
};
