import { listTasksQuery, pageOf, type TaskRange, taskSchema } from "@dealflow/contract";
import { DomainError, endOfLocalDay, isManager, userTimeZone } from "@dealflow/core";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { listTasksOfOpportunity } from "./opportunity-tasks.js";
import { opportunitiesOf, presentTask } from "./task-access.js";

type Range = TaskRange | undefined;

/**
 * SPEC §4.3's agenda as three disjoint windows of the owner's open tasks by due time:
 * overdue is before now, today from now to the end of the viewer's local day, upcoming
 * after it. No range: every open task, soonest due first.
 */
const windowOf = (range: Range, now: Date, timeZone: string): { from?: Date; to?: Date } => {
  const endOfToday = endOfLocalDay(now, timeZone);
  switch (range) {
    case "overdue":
      return { to: now };
    case "today":
      return { from: now, to: endOfToday };
    case "upcoming":
      return { from: endOfToday };
    default:
      return {};
  }
};

export const listTasksRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "listTasks",
    method: "GET",
    route: "tasks",
    summary:
      "The agenda: open tasks of the signed-in user (managers: of any owner) overdue, today or upcoming; or every task of one opportunity",
    tag: "Tasks",
    query: listTasksQuery,
    responses: {
      200: {
        description: "A page of tasks, soonest due first (the agenda: open ones only)",
        schema: pageOf(taskSchema),
      },
      404: { description: "Another seller's agenda, or an opportunity the user may not read" },
    },
    async handler({ query, principal }) {
      const page = { cursor: query.cursor ?? null, ...(query.limit ? { limit: query.limit } : {}) };
      if (query.opportunity !== undefined) {
        return { body: await listTasksOfOpportunity(deps, principal, query.opportunity, page) };
      }
      const ctx = await userContext(deps, principal);
      const ownerId = query.owner ?? principal.userId;
      // SPEC §7: another seller's agenda is not theirs to see; 404 like any unseen record.
      if (ownerId !== principal.userId && !isManager(viewerOf(principal), ctx.settings)) {
        throw new DomainError("not-found", "No such agenda.");
      }
      const timeZone = userTimeZone(principal.user, ctx.settings);
      const found = await deps.store.listOpenTasksByOwner(
        principal.tenantId,
        ownerId,
        windowOf(query.range, ctx.now, timeZone),
        page,
      );
      const opportunities = await opportunitiesOf(deps, principal.tenantId, found.items);
      return {
        body: {
          items: found.items.map((task) =>
            presentTask(
              task,
              task.opportunityId ? (opportunities.get(task.opportunityId) ?? null) : null,
              ctx,
            ),
          ),
          nextCursor: found.nextCursor,
        },
      };
    },
  });
