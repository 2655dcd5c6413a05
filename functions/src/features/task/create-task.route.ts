import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { idSchema, instantSchema, taskKindSchema } from "../../api/api-schemas.js";
import { viewerOf } from "../../identity/principal.js";
import { taskSchema } from "./task.schema.js";
import { createTask } from "./task.service.js";
import { presentTask } from "./task-access.js";

const body = z.strictObject({
  /** null: a task of the owner's own, tied to no opportunity. */
  opportunityId: idSchema.nullable(),
  kind: taskKindSchema,
  title: z.string().max(200).nullable().optional(),
  /** A past instant is allowed: imported overdue work (it gets one reminder at once). */
  dueAt: instantSchema,
  ownerId: idSchema.optional(),
});

export const createTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "createTask",
    method: "POST",
    route: "tasks",
    summary: "Creates a task on an opportunity (only managers give tasks to others)",
    tag: "Tasks",
    body,
    responses: { 201: { description: "The task", schema: taskSchema } },
    async handler({ body, principal }) {
      const saved = await createTask(deps, viewerOf(principal), {
        opportunityId: body.opportunityId,
        kind: body.kind,
        title: body.title ?? null,
        dueAt: body.dueAt,
        ownerId: body.ownerId ?? null,
      });
      return {
        status: 201,
        body: presentTask(saved.task, saved.opportunity),
        etag: saved.version,
      };
    },
  });
