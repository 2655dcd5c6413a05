import type { Offer } from "@dealflow/core";
import { z } from "zod";
import type { Store } from "../../storage/store.js";
import type { RouteDeps } from "../api-context.js";
import { type ApiRoute, defineApiRoute } from "../api-route.js";
import { pageOf, pageQuery } from "../api-schemas.js";
import { type OfferView, offerResponse, offerSchema } from "./offer.schema.js";

const query = z.object({
  /** Only pending offers are listed per user: answered ones live on their opportunity. */
  status: z.enum(["pending"]).default("pending"),
  ...pageQuery,
});

/** Offers with what their user needs to decide: the opportunity's title, the target's name. */
export const describeOffers = async (
  store: Store,
  tenantId: string,
  offers: readonly Offer[],
): Promise<OfferView[]> => {
  const unique = <T>(values: T[]) => [...new Set(values)];
  const [opportunities, targets] = await Promise.all([
    Promise.all(
      unique(offers.map((o) => o.opportunityId)).map((id) => store.getOpportunity(tenantId, id)),
    ),
    Promise.all(
      unique(offers.map((o) => o.targetId)).map((id) => store.getRoutingTarget(tenantId, id)),
    ),
  ]);
  const title = new Map(opportunities.flatMap((o) => (o ? [[o.id, o.title] as const] : [])));
  const name = new Map(targets.flatMap((t) => (t ? [[t.id, t.name] as const] : [])));
  return offers.map((offer) =>
    offerResponse(offer, {
      opportunityTitle: title.get(offer.opportunityId) ?? null,
      targetName: name.get(offer.targetId) ?? null,
    }),
  );
};

/** SPEC §4.5: the offers the signed-in user has to answer (the tab's inbox), newest first. */
export const listOffersRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listMyOffers",
    method: "GET",
    route: "offers",
    summary: "The signed-in user's pending routing offers, newest first",
    tag: "Routing",
    query,
    responses: {
      200: { description: "One page of offers", schema: pageOf(offerSchema) },
      400: { description: "An invalid filter (named)" },
    },
    async handler({ query, principal }) {
      const { tenantId, userId } = principal;
      const page = await deps.store.listPendingOffersOfUser(tenantId, userId, {
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      });
      return {
        body: {
          items: await describeOffers(deps.store, tenantId, page.items),
          nextCursor: page.nextCursor,
        },
      };
    },
  });
