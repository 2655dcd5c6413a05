import type { Task as TaskView } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import type { Principal } from "../../identity/principal.js";
import type { PageRequest } from "../../storage/paging.js";
import { loadOpportunity } from "../opportunity/index.js";
import { presentTask } from "./task-access.js";

/**
 * SPEC §4.1's tasks section: every task of one opportunity (open, done and cancelled), soonest
 * due first, as one range read of its `topp|` pointers. Whoever may read the opportunity may
 * read its tasks; anyone else gets the same 404 as for the opportunity itself (SPEC §7).
 */
export const listTasksOfOpportunity = async (
  deps: Pick<RouteDeps, "store" | "clock">,
  principal: Principal,
  opportunityId: string,
  page: PageRequest,
): Promise<{ items: TaskView[]; nextCursor: string | null }> => {
  const { ctx, opportunity } = await loadOpportunity(deps, principal, opportunityId);
  const found = await deps.store.listTasksOfOpportunity(principal.tenantId, opportunity.id, page);
  return {
    // Presented with the opportunity, so a hidden marketplace client stays hidden in titles.
    items: found.items.map((task) => presentTask(task, opportunity, ctx)),
    nextCursor: found.nextCursor,
  };
};
