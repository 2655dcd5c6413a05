import type { NextTask } from "@dealflow/contract";
import { type Opportunity, redactHiddenText, type Task } from "@dealflow/core";
import { readAllPages } from "../../../storage/paging.js";
import type { Store } from "../../../storage/store.js";

/**
 * How many of an owner's open tasks (soonest due first) are looked at for a list's "next
 * task": two store pages. An opportunity whose owner has more open tasks due before its own
 * shows none rather than making a list request read a whole agenda.
 */
export const NEXT_TASK_PAGES = 2;

/**
 * Each opportunity's next task: its owner's soonest open task on it, read from the owners'
 * agendas (one bounded range per distinct owner of the page, not one read per opportunity).
 * A task given to someone other than the owner is not the owner's next step and is left out.
 */
export const nextTasksOf = async (
  store: Pick<Store, "listOpenTasksByOwner">,
  tenantId: string,
  opportunities: readonly Opportunity[],
): Promise<Map<string, Task>> => {
  const ownerOf = new Map(opportunities.map((o) => [o.id, o.ownerId]));
  const owners = [
    ...new Set(opportunities.flatMap((o) => (o.ownerId === null ? [] : [o.ownerId]))),
  ];
  const agendas = await Promise.all(
    owners.map((ownerId) =>
      readAllPages((page) => store.listOpenTasksByOwner(tenantId, ownerId, {}, page), {
        maxPages: NEXT_TASK_PAGES,
      }),
    ),
  );
  const next = new Map<string, Task>();
  // Each agenda is soonest due first: the first task met for an opportunity is its next.
  for (const task of agendas.flat()) {
    const id = task.opportunityId;
    if (id === null || next.has(id) || task.status !== "open") continue;
    if (ownerOf.get(id) === task.ownerId) next.set(id, task);
  }
  return next;
};

/** A task as a list row shows it; default titles embed the contact's name, so it is redacted. */
export const nextTaskResponse = (
  task: Task | undefined,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): NextTask | null =>
  task === undefined
    ? null
    : {
        id: task.id,
        kind: task.kind,
        title: redactHiddenText(task.title, opportunity),
        dueAt: task.dueAt,
      };
