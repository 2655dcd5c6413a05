import { opportunityListItemSchema, opportunityListQuery, pageOf } from "@dealflow/contract";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { viewerOf } from "../../../identity/principal.js";
import { DEFAULT_PAGE_SIZE } from "../../../storage/paging.js";
import { opportunityResponse } from "../opportunity.schema.js";
import { nextTaskResponse, nextTasksOf } from "./next-tasks.js";
import { planOpportunityList, sourcesNeedSettings } from "./opportunity-list-plan.js";
import { readOpportunityPage } from "./opportunity-pages.js";

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
      // The settings are only needed to filter the rows, so they load while the rows are read.
      const loading = deps.store.getSettings(principal.tenantId);
      // A request refused before it awaits them (a bad cursor) must not leave a rejection unhandled.
      loading.catch(() => undefined);
      const settings = sourcesNeedSettings(query, viewer.role === "manager")
        ? await loading
        : loading;
      const request = planOpportunityList(query, viewer, settings, {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor ?? null,
      });
      const page = await readOpportunityPage(deps.store, principal.tenantId, request);
      const nextTasks =
        query.include === "nextTask"
          ? await nextTasksOf(deps.store, principal.tenantId, page.items)
          : null;
      // Read by now: hidden clients' countdowns take their marketplace's durations from them.
      const read = await loading;
      const items = page.items.map((item) => {
        const shown = opportunityResponse(item, read, viewer);
        return nextTasks === null
          ? shown
          : { ...shown, nextTask: nextTaskResponse(nextTasks.get(item.id), item) };
      });
      return { body: { items, nextCursor: page.nextCursor } };
    },
  });
