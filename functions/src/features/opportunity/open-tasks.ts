import { DomainError, type Task } from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";

/** More open tasks than this cannot move with their opportunity in one atomic write anyway. */
export const MAX_OPEN_TASKS = 60;

/**
 * The open tasks of an opportunity, which the first-contact and owner-change use cases settle
 * or move. Read through the opportunity's task pointers, bounded: past MAX_OPEN_TASKS the
 * change is refused as a conflict the user can resolve (close some tasks) instead of failing.
 */
export const openTasksOf = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  opportunityId: string,
): Promise<Task[]> => {
  const open: Task[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.listTasksOfOpportunity(tenantId, opportunityId, {
      limit: 200,
      ...(cursor === null ? {} : { cursor }),
    });
    open.push(...page.items.filter((task) => task.status === "open"));
    cursor = page.nextCursor;
    if (open.length > MAX_OPEN_TASKS) throw tooManyTasks(open.length);
  } while (cursor !== null);
  return open;
};

export const tooManyTasks = (count: number | null) =>
  new DomainError(
    "invalid-state",
    `The opportunity has ${count === null ? "too many" : `more than ${MAX_OPEN_TASKS}`} open tasks to change in one step; complete or cancel some first.`,
  );
