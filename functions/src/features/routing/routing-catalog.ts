import type { Offer, RoutingCatalog } from "@dealflow/core";
import { type Page, type PageRequest, readAllPages } from "../../storage/paging.js";
import type { Store } from "../../storage/store.js";

/** Bounds a catalog read: a tenant's targets and open offers stay in the hundreds. */
const MAX_PAGES = 50;

const readAll = <T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> =>
  readAllPages(read, { maxPages: MAX_PAGES });

/** What the ranking reads: every routing target and the tenant's pending offers (two ranges). */
export const loadCatalog = async (store: Store, tenantId: string): Promise<RoutingCatalog> => {
  const [targets, openOffers] = await Promise.all([
    readAll((page) => store.listRoutingTargets(tenantId, page)),
    readAll((page) => store.listPendingOffers(tenantId, page)),
  ]);
  return { targets, openOffers };
};

/**
 * Every offer of one opportunity, read through the main rows so each carries its version: a
 * use case that withdraws the others writes them conditionally.
 */
export const offersOfOpportunity = async (
  store: Store,
  tenantId: string,
  opportunityId: string,
): Promise<Offer[]> => {
  const listed = await readAll((page) =>
    store.listOffersOfOpportunity(tenantId, opportunityId, page),
  );
  const read = await Promise.all(listed.map((offer) => store.getOffer(tenantId, offer.id)));
  return read.filter((offer): offer is Offer => offer !== null);
};
