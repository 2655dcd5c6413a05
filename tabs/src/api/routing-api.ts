import type { ApiClient } from "./api-client.js";
import type { Page } from "./api-types.js";

export type OfferStatus = "pending" | "accepted" | "declined" | "expired" | "withdrawn";
export type RoutingMode = "automatic" | "manual";

/** A routing offer as the API answers it (functions' offer.schema.ts, SPEC §4.5). */
export type Offer = {
  id: string;
  opportunityId: string;
  /** null when the opportunity could not be read; a hidden client's name is redacted in it. */
  opportunityTitle: string | null;
  targetId: string;
  targetName: string | null;
  userId: string;
  mode: RoutingMode;
  status: OfferStatus;
  sentAt: string;
  expiresAt: string;
  answeredAt: string | null;
  answeredBy: string | null;
};

export type TargetType = "agency" | "freelancer" | "internal";
export type TargetLevel = "none" | "silver" | "gold" | "platinum";

/** A routing target as managers read the catalog (GET /api/routing/targets). */
export type RoutingTarget = {
  id: string;
  name: string;
  type: TargetType;
  level: TargetLevel;
  country: string | null;
  primaryLanguage: string;
  secondaryLanguages: string[];
  services: string[];
  active: boolean;
  rating: number;
  reviewCount: number;
  completedProjects: number;
  /** The user who answers the target's offers; a target without one receives none. */
  userId: string | null;
};

export type RoutingRequest = { mode: "automatic" } | { mode: "manual"; targetId: string };

/** Which offers the Offers view lists: the caller's inbox, or every offer (managers). */
export type OffersQuery = { scope: "mine" } | { scope: "all"; status: OfferStatus | null };

const OFFERS_PAGE_SIZE = 200;
/** A list past this many offers is read no further (see OffersQuery's order). */
export const MAX_OFFERS = 2_000;

const offerPath = (id: string, verb: "accept" | "decline") =>
  `/api/offers/${encodeURIComponent(id)}/${verb}`;

const offersQueryString = (query: OffersQuery): string =>
  query.scope === "mine"
    ? "status=pending"
    : `scope=all${query.status === null ? "" : `&status=${query.status}`}`;

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
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page: Page<Offer> = await client.get<Page<Offer>>(
        `/api/offers?${offersQueryString(query)}&limit=${OFFERS_PAGE_SIZE}${after}`,
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
      await client.request<{ items: Offer[] }>(
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
