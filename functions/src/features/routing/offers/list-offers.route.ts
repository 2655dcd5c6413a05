import { listOffersQuery, offerSchema, pageOf } from "@dealflow/contract";
import { DomainError, isManager, validationError } from "@dealflow/core";
import type { z } from "zod";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { type Principal, viewerOf } from "../../../identity/principal.js";
import type { PageRequest } from "../../../storage/paging.js";
import { renamingFields } from "../../opportunity/index.js";
import { describeOffers } from "./describe-offers.js";

type Query = z.output<typeof listOffersQuery>;

/** SPEC §4.5: answered offers live on their opportunity; the inbox holds what waits. */
const readInbox = (deps: RouteDeps, principal: Principal, query: Query, page: PageRequest) => {
  if (query.status !== undefined && query.status !== "pending") {
    throw validationError(
      "query.status",
      "must be pending for your own offers (scope=all lists the others)",
    );
  }
  return deps.store.listPendingOffersOfUser(principal.tenantId, principal.userId, page);
};

/** The managers route and oversee routing, so they alone see every target's offers. */
const readAll = async (deps: RouteDeps, principal: Principal, query: Query, page: PageRequest) => {
  const settings = await deps.store.getSettings(principal.tenantId);
  if (!isManager(viewerOf(principal), settings)) {
    throw new DomainError("forbidden", "Only managers list every offer.");
  }
  return deps.store.listTenantOffers(principal.tenantId, query.status ?? null, page);
};

/**
 * SPEC §4.5: the offers the signed-in user has to answer (the tab's inbox), newest first; or,
 * for managers, every offer of the tenant in the order sent, one status or all.
 */
export const listOffersRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listMyOffers",
    method: "GET",
    route: "offers",
    summary:
      "The signed-in user's pending routing offers, newest first; every offer with scope=all (managers)",
    tag: "Routing",
    query: listOffersQuery,
    responses: {
      200: { description: "One page of offers", schema: pageOf(offerSchema) },
      400: { description: "An invalid filter (named)" },
      403: { description: "scope=all asked by a seller" },
    },
    async handler({ query, principal }) {
      const page = {
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      };
      const read = query.scope === "all" ? readAll : readInbox;
      const offers = await renamingFields({ cursor: "query.cursor" }, () =>
        read(deps, principal, query, page),
      );
      return {
        body: {
          items: await describeOffers(deps.store, principal.tenantId, offers.items),
          nextCursor: offers.nextCursor,
        },
      };
    },
  });
