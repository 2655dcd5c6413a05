import { discardedContactSchema, discardedQuery, pageOf } from "@dealflow/contract";
import type { RouteDeps } from "../../../api/api-context.js";
import { defineApiRoute } from "../../../api/api-route.js";
import { viewerOf } from "../../../identity/principal.js";
import { listDiscarded } from "../reports.service.js";

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
        schema: pageOf(discardedContactSchema),
      },
      403: { description: "Not a manager" },
    },
    async handler({ query, principal }) {
      const { cursor, limit, ...filters } = query;
      const page = await listDiscarded(deps, viewerOf(principal), filters, {
        cursor,
        limit: limit ?? 50,
      });
      return { body: page };
    },
  });
