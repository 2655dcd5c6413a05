import type { Opportunity, Settings, Viewer } from "@dealflow/core";
import type { ServiceDeps } from "../../../service-kit/service-deps.js";
import {
  type ListFilters,
  planOpportunityList,
  sourcesNeedSettings,
} from "./opportunity-list-plan.js";
import { readOpportunityPage } from "./opportunity-pages.js";

/**
 * CONTRACTS.md's opportunity lists, for every entry point (the API's list route, the message
 * extension's search): what the viewer may read, filtered, one page. Raw records with the
 * settings they were filtered under: each entry point redacts as it shapes its answer.
 */
export const listOpportunities = async (
  deps: Pick<ServiceDeps, "store">,
  viewer: Viewer,
  filters: ListFilters,
  page: { limit: number; cursor: string | null },
): Promise<{ items: Opportunity[]; nextCursor: string | null; settings: Settings }> => {
  // The settings are only needed to filter the rows, so they load while the rows are read.
  const loading = deps.store.getSettings(viewer.tenantId);
  // A request refused before it awaits them (a bad cursor) must not leave a rejection unhandled.
  loading.catch(() => undefined);
  const settings = sourcesNeedSettings(filters, viewer.role === "manager")
    ? await loading
    : loading;
  const request = planOpportunityList(filters, viewer, settings, page);
  const { items, nextCursor } = await readOpportunityPage(deps.store, viewer.tenantId, request);
  return { items, nextCursor, settings: await loading };
};
