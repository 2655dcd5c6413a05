import { idParams, offerSchema, pageOf } from "@dealflow/contract";
import type { Offer } from "@dealflow/core";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { readAllPages } from "../../../storage/paging.js";
import type { Store } from "../../../storage/store.js";
import { loadOpportunity } from "../../opportunity/index.js";
import { describeOffers } from "./describe-offers.js";

/** Rounds of a few offers each: an opportunity's offers stay far below this. */
const MAX_PAGES = 5;

/** Every offer of one opportunity, any status (its projection rows, current with each answer). */
const readOffersOf = (store: Store, tenantId: string, opportunityId: string) =>
  readAllPages((page) => store.listOffersOfOpportunity(tenantId, opportunityId, page), {
    maxPages: MAX_PAGES,
  });

const newestFirst = (a: Offer, b: Offer) =>
  b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id);

/**
 * SPEC §4.5: the routing history of one opportunity (the detail's Routing section), newest
 * first, for whoever may read the opportunity; anyone else gets the 404 of a missing one.
 */
export const listOpportunityOffersRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listOpportunityOffers",
    method: "GET",
    route: "opportunities/{id}/offers",
    summary: "Every routing offer of an opportunity, any status, newest first",
    tag: "Routing",
    params: idParams,
    responses: {
      200: {
        description: "All of its offers (nextCursor is always null)",
        schema: pageOf(offerSchema),
      },
      404: { description: "No such opportunity, or not one the user may see" },
    },
    async handler({ params, principal }) {
      const { opportunity } = await loadOpportunity(deps, principal, params.id);
      const offers = await readOffersOf(deps.store, principal.tenantId, opportunity.id);
      const items = await describeOffers(deps.store, principal.tenantId, offers.sort(newestFirst), [
        opportunity,
      ]);
      return { body: { items, nextCursor: null } };
    },
  });
