import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { pageOf } from "../../api/api-schemas.js";
import {
  assertManager,
  discardedItemSchema,
  discardedQuery,
  presentDiscarded,
  readDiscarded,
} from "./discarded-query.js";

export const listDiscardedRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "listDiscardedContacts",
    method: "GET",
    route: "contacts/discarded",
    summary:
      "Managers: discarded contacts, newest first, with reason, source, campaign, owner and date",
    tag: "Reports",
    query: discardedQuery,
    responses: {
      200: {
        description:
          "A page; with filters a page may be short and still have a next cursor (at most 2000 rows are read per request)",
        schema: pageOf(discardedItemSchema),
      },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      await assertManager(deps, principal);
      const { cursor, limit, ...filters } = query;
      const page = await readDiscarded(deps, principal.tenantId, filters, {
        cursor,
        limit: limit ?? 50,
      });
      return { body: { items: page.items.map(presentDiscarded), nextCursor: page.nextCursor } };
    },
  });
