import { listReviewsQuery, pageOf, reviewSchema, type TargetReview } from "@dealflow/contract";
import { type Review, redactHiddenContact } from "@dealflow/core";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import type { Store } from "../../storage/store.js";
import { listReviews } from "./reviews.service.js";

const describeReviews = async (
  store: Store,
  tenantId: string,
  reviews: readonly Review[],
): Promise<TargetReview[]> => {
  const ids = [...new Set(reviews.map((review) => review.opportunityId))];
  const opportunities = await Promise.all(ids.map((id) => store.getOpportunity(tenantId, id)));
  // Only revealed clients are asked for reviews; redacting anyway keeps this route like all others.
  const titles = new Map(
    opportunities.flatMap((o) => (o ? [[o.id, redactHiddenContact(o).title] as const] : [])),
  );
  return reviews.map((review) => ({
    id: review.id,
    targetId: review.targetId,
    opportunityId: review.opportunityId,
    opportunityTitle: titles.get(review.opportunityId) ?? null,
    stars: review.stars,
    text: review.text,
    createdAt: review.createdAt,
  }));
};

/** SPEC §4.5: the clients' reviews of the routing targets, newest first (managers). */
export const listReviewsRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listReviews",
    method: "GET",
    route: "reviews",
    summary: "Client reviews of the routing targets, newest first (managers)",
    tag: "Routing",
    query: listReviewsQuery,
    responses: {
      200: { description: "One page of reviews", schema: pageOf(reviewSchema) },
      400: { description: "An invalid filter or cursor (named)" },
      403: { description: "Only managers read reviews" },
    },
    async handler({ query, principal }) {
      const page = await listReviews(
        deps,
        viewerOf(principal),
        query.targetId ? { targetId: query.targetId } : {},
        {
          ...(query.cursor ? { cursor: query.cursor } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
        },
      );
      return {
        body: {
          items: await describeReviews(deps.store, principal.tenantId, page.items),
          nextCursor: page.nextCursor,
        },
      };
    },
  });

/** The review routes, for apiRoutes. */
export const reviewRoutes = (deps: RouteDeps): ApiRoute[] => [listReviewsRoute(deps)];
