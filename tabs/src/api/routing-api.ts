import type {
  ListOffersQuery,
  Offer,
  OfferStatus,
  Page,
  RoutedOffers,
  RoutingRequest,
  RoutingTarget,
} from "@dealflow/contract";
import { type ApiClient, withQuery } from "./api-client.js";

// The routing shapes are the server's (contract/src/routing/); the views import them here.
export type {
  Level as TargetLevel,
  Offer,
  OfferStatus,
  RoutingMode,
  RoutingRequest,
  RoutingTarget,
  RoutingTargetType as TargetType,
} from "@dealflow/contract";

/** Which offers the Offers view lists: the caller's inbox, or every offer (managers). */
export type OffersQuery = { scope: "mine" } | { scope: "all"; status: OfferStatus | null };

const OFFERS_PAGE_SIZE = 200;
/** A list past this many offers is read no further (see OffersQuery's order). */
export const MAX_OFFERS = 2_000;

const offerPath = (id: string, verb: "accept" | "decline") =>
  `/api/offers/${encodeURIComponent(id)}/${verb}`;

/** The view's choice as the API's query: the inbox is the pending ones; `all` any or one status. */
const offersQuery = (query: OffersQuery, cursor: string | null): ListOffersQuery => ({
  ...(query.scope === "mine"
    ? { status: "pending" }
    : { scope: "all", status: query.status ?? undefined }),
  limit: OFFERS_PAGE_SIZE,
  cursor: cursor ?? undefined,
});

/** SPEC §4.5: the signed-in user's offers, answering them, and routing (managers). */
export const createRoutingApi = (client: ApiClient) => ({
  /**
   * Offers, every page up to MAX_OFFERS: the caller's pending ones newest first, or (managers,
   * scope all) the tenant's in the order sent. A filtered page may be short or empty: the
   * server stops after so many rows, so reading goes on while there is a cursor.
   */
  listOffers: async (query: OffersQuery): Promise<Offer[]> => {
    const offers: Offer[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Offer> = await client.get<Page<Offer>>(
        withQuery("/api/offers", offersQuery(query, cursor)),
      );
      offers.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && offers.length < MAX_OFFERS);
    return offers;
  },
  acceptOffer: async (id: string) =>
    (await client.request<Offer>("POST", offerPath(id, "accept"))).data,
  declineOffer: async (id: string) =>
    (await client.request<Offer>("POST", offerPath(id, "decline"))).data,
  /**
   * Managers: the targets a manual offer can go to, by name — active, with a user to answer
   * (the API refuses the others naming `targetId`).
   */
  activeRoutingTargets: async () =>
    (await client.get<Page<RoutingTarget>>("/api/routing/targets")).items.filter(
      (target) => target.active && target.userId !== null,
    ),
  /** Managers: sends offers now; answers the offers sent (none when no target matched). */
  routeOpportunity: async (opportunityId: string, request: RoutingRequest) =>
    (
      await client.request<RoutedOffers>(
        "POST",
        `/api/opportunities/${encodeURIComponent(opportunityId)}/routing`,
        { body: request },
      )
    ).data.items,
  /** Every offer of one opportunity, any status, newest first (whoever may read it). */
  opportunityOffers: async (opportunityId: string) =>
    (
      await client.get<Page<Offer>>(
        `/api/opportunities/${encodeURIComponent(opportunityId)}/offers`,
      )
    ).items,
});
