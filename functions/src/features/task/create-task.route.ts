import { createTaskBody, taskSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { createTask } from "./task.service.js";
import { presentTask } from "./task-access.js";

export const createTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "createTask",
    method: "POST",
    route: "tasks",
    summary: "Creates a task on an opportunity (only managers give tasks to others)",
    tag: "Tasks",
    body: createTaskBody,
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
        body: presentTask(saved.task, saved.opportunity, saved.seenBy),
        etag: saved.version,
      };
    },
  });
