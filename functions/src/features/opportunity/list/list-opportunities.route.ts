import { opportunityListItemSchema, opportunityListQuery, pageOf } from "@dealflow/contract";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { viewerOf } from "../../../identity/principal.js";
import { DEFAULT_PAGE_SIZE } from "../../../storage/paging.js";
import { opportunityResponse } from "../opportunity.schema.js";
import { listOpportunities } from "./list-opportunities.service.js";
import { nextTaskResponse, nextTasksOf } from "./next-tasks.js";

/**
 * CONTRACTS.md's opportunity lists. Each is read from the views that hold it (see
 * planOpportunityList), never by scanning; every item is checked with canRead and redacted.
 * `q` filters the rows read for the page (at most MAX_EXAMINED per request): pages may be
 * short, and `nextCursor` continues the search. `include=nextTask` costs one bounded agenda
 * read per distinct owner on the page (next-tasks.ts).
 */
export const listOpportunitiesRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listOpportunities",
    method: "GET",
    route: "opportunities",
    summary: "List opportunities: a queue, your own, those you follow, or all you may see",
    tag: "Opportunities",
    query: opportunityListQuery,
    responses: {
      200: { description: "A page of opportunities", schema: pageOf(opportunityListItemSchema) },
    },
    async handler({ query, principal }) {
      const viewer = viewerOf(principal);
      const page = await listOpportunities(deps, viewer, query, {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor ?? null,
      });
      const nextTasks =
        query.include === "nextTask"
          ? await nextTasksOf(deps.store, principal.tenantId, page.items)
          : null;
      const items = page.items.map((item) => {
        // Hidden clients' countdowns take their marketplace's durations from the settings.
        const shown = opportunityResponse(item, page.settings, viewer);
        return nextTasks === null
          ? shown
          : { ...shown, nextTask: nextTaskResponse(nextTasks.get(item.id), item) };
      });
      return { body: { items, nextCursor: page.nextCursor } };
    },
  });
