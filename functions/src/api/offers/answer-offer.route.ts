import { answerOffer, DomainError, isDomainError, type OfferAnswer } from "@dealflow/core";
import type { Principal } from "../../identity/principal.js";
import { offerKey } from "../../storage/rows/record.rows.js";
import { type RouteDeps, userContext } from "../api-context.js";
import { type ApiResult, type ApiRoute, defineApiRoute } from "../api-route.js";
import { idParams } from "../api-schemas.js";
import { openTasksOf } from "../opportunities/open-tasks.js";
import { withSiblingsChecked } from "../routing/offer-siblings.js";
import { loadCatalog, offersOfOpportunity } from "../routing/routing-catalog.js";
import { withRoutingNotes } from "../routing/routing-intents.js";
import { describeOffers } from "./list-offers.route.js";
import { offerSchema } from "./offer.schema.js";

const unseen = () => new DomainError("not-found", "The offer does not exist.");

/**
 * SPEC §4.5: the offer's user (or a manager) accepts or declines. The first acceptance makes
 * the user the owner and withdraws the other offers in the same conditional write, so of two
 * simultaneous acceptances one fails (412) and changes nothing. Anyone else gets 404.
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
      for (let attempt = 1; ; attempt++) {
        try {
          return await answerOnce(deps, principal, params.id, answer);
        } catch (error) {
          // A sibling offer was answered at the same moment: re-read and decide again.
          const retry = isDomainError(error) && error.code === "conflict" && attempt < MAX_ATTEMPTS;
          if (!retry) throw error;
        }
      }
    },
  });

const MAX_ATTEMPTS = 3;

const answerOnce = async (
  deps: RouteDeps,
  principal: Principal,
  offerId: string,
  answer: OfferAnswer,
): Promise<ApiResult> => {
  const { tenantId } = principal;
  const offer = await deps.store.getOffer(tenantId, offerId);
  if (offer === null) throw unseen();
  const [ctx, opportunity] = await Promise.all([
    userContext(deps, principal),
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
    withRoutingNotes(
      answerOffer({ offer: current, opportunity, offers, answer, catalog, openTasks }, ctx),
      catalog,
      ctx,
    ),
    offers,
  );
  let etag = current.version;
  if (outcome.changes.length > 0) {
    const result = await deps.store.commit(tenantId, outcome);
    etag = result.versions.get(offerKey(offer.id));
  }
  const [view] = await describeOffers(deps.store, tenantId, [outcome.value]);
  return { body: view, etag };
};

export const answerOfferRoutes = (deps: RouteDeps): ApiRoute[] => [
  answerRoute(deps, "accept"),
  answerRoute(deps, "decline"),
];
