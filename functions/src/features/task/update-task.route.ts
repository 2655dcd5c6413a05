import { idParams, taskSchema, updateTaskBody } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { updateTask } from "./task.service.js";
import { presentTask } from "./task-access.js";

export const updateTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "updateTask",
    method: "PATCH",
    route: "tasks/{id}",
    summary: "Reschedules or renames an open task; managers also hand it to another owner",
    tag: "Tasks",
    params: idParams,
    body: updateTaskBody,
    responses: { 200: { description: "The task as it is now", schema: taskSchema } },
    async handler({ params, body, principal, request }) {
      const saved = await updateTask(
        deps,
        viewerOf(principal),
        params.id,
        body,
        ifMatchOf(request),
      );
      return {
        body: presentTask(saved.task, saved.opportunity, saved.seenBy),
        etag: saved.version,
      };
    },
  });
