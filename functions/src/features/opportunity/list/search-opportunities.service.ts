import type { Opportunity, Task, Viewer } from "@dealflow/core";
import type { ServiceDeps } from "../../../service-kit/service-deps.js";
import { listOpportunities } from "./list-opportunities.service.js";
import { nextTasksOf } from "./next-tasks.js";

/** How deep a search pages: Teams asks for more (skip/count) as the user scrolls. */
export const MAX_SEARCH_DEPTH = 100;
// Each list page examines at most MAX_EXAMINED rows, so a rare match may take a few pages.
const MAX_PAGES = 5;

export type SearchPage = { skip: number; count: number };

/** One search result: the opportunity and its owner's next task on it. */
export type SearchResult = { opportunity: Opportunity; nextTask: Task | null };

/**
 * The message extension's search (issue 21): the list "all" with `q` (contact name, email,
 * company, title), newest first, of what the viewer may read; an empty text is that list
 * unfiltered, their newest. Paged by position as Teams asks, to MAX_SEARCH_DEPTH results.
 */
export const searchOpportunities = async (
  deps: Pick<ServiceDeps, "store">,
  viewer: Viewer,
  text: string,
  { skip, count }: SearchPage,
): Promise<SearchResult[]> => {
  const wanted = Math.min(skip + count, MAX_SEARCH_DEPTH);
  const q = text.trim();
  const found: Opportunity[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < MAX_PAGES && found.length < wanted; pages++) {
    const page = await listOpportunities(
      deps,
      viewer,
      { view: "all", ...(q === "" ? {} : { q }) },
      { limit: wanted - found.length, cursor },
    );
    found.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  const shown = found.slice(skip, wanted);
  const nextTasks = await nextTasksOf(deps.store, viewer.tenantId, shown);
  return shown.map((opportunity) => ({
    opportunity,
    nextTask: nextTasks.get(opportunity.id) ?? null,
  }));
};
