import { DomainError, endOfLocalDay, isManager, userTimeZone } from "@dealflow/core";
import { z } from "zod";
import { viewerOf } from "../../identity/principal.js";
import { type RouteDeps, userContext } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { idSchema, pageOf, pageQuery } from "../api-schemas.js";
import { taskSchema } from "./task.schema.js";
import { opportunitiesOf, presentTask } from "./task-access.js";

const query = z.object({
  owner: idSchema.optional(),
  range: z.enum(["overdue", "today", "upcoming"]).optional(),
  ...pageQuery,
});

type Range = z.infer<typeof query>["range"];

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
      "The agenda: open tasks of the signed-in user (managers: of any owner) overdue, today or upcoming",
    tag: "Tasks",
    query,
    responses: {
      200: { description: "A page of open tasks, soonest due first", schema: pageOf(taskSchema) },
    },
    async handler({ query, principal }) {
      const ctx = await userContext(deps, principal);
      const ownerId = query.owner ?? principal.userId;
      // SPEC §7: another seller's agenda is not theirs to see; 404 like any unseen record.
      if (ownerId !== principal.userId && !isManager(viewerOf(principal), ctx.settings)) {
        throw new DomainError("not-found", "No such agenda.");
      }
      const timeZone = userTimeZone(principal.user, ctx.settings);
      const page = await deps.store.listOpenTasksByOwner(
        principal.tenantId,
        ownerId,
        windowOf(query.range, ctx.now, timeZone),
        { cursor: query.cursor ?? null, ...(query.limit ? { limit: query.limit } : {}) },
      );
      const opportunities = await opportunitiesOf(deps, principal.tenantId, page.items);
      return {
        body: {
          items: page.items.map((task) =>
            presentTask(
              task,
              task.opportunityId ? (opportunities.get(task.opportunityId) ?? null) : null,
            ),
          ),
          nextCursor: page.nextCursor,
        },
      };
    },
  });
