import { idParams, taskSchema } from "@dealflow/contract";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { loadTask, presentTask } from "./task-access.js";

export const getTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "getTask",
    method: "GET",
    route: "tasks/{id}",
    summary: "One task, with the ETag to send back as If-Match",
    tag: "Tasks",
    params: idParams,
    responses: { 200: { description: "The task", schema: taskSchema } },
    async handler({ params, principal }) {
      const ctx = await userContext(deps, principal);
      const { task, opportunity } = await loadTask(deps, principal, params.id, ctx.settings);
      return { body: presentTask(task, opportunity, ctx), etag: task.version };
    },
  });
