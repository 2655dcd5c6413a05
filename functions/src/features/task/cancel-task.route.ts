import { idParams, taskSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { cancelTask } from "./task.service.js";
import { presentTask } from "./task-access.js";

export const cancelTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "cancelTask",
    method: "POST",
    route: "tasks/{id}/cancel",
    summary: "Cancels an open task and stops its reminders",
    tag: "Tasks",
    params: idParams,
    responses: { 200: { description: "The cancelled task", schema: taskSchema } },
    async handler({ params, principal, request }) {
      const saved = await cancelTask(deps, viewerOf(principal), params.id, ifMatchOf(request));
      return {
        body: presentTask(saved.task, saved.opportunity, saved.seenBy),
        etag: saved.version,
      };
    },
  });
