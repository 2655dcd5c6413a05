import type { Offer, RoutingCatalog } from "@dealflow/core";
import type { Page, PageRequest } from "../../storage/paging.js";
import type { Store } from "../../storage/store.js";

/** Bounds a catalog read: a tenant's targets and open offers stay in the hundreds. */
const MAX_PAGES = 50;

const readAll = async <T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await read({ limit: 200, ...(cursor === null ? {} : { cursor }) });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return items;
};

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
