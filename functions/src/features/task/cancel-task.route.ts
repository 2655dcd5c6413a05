import { cancelTask } from "@dealflow/core";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { idParams } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { taskSchema } from "./task.schema.js";
import { loadTask, presentTask, versionOf } from "./task-access.js";

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
      const ctx = await userContext(deps, principal);
      const loaded = await loadTask(deps, principal, params.id, ctx.settings);
      const task = baseVersion(loaded.task, request);
      const outcome = cancelTask({ task, opportunity: loaded.opportunity }, ctx);
      const { versions } = await deps.store.commit(principal.tenantId, outcome);
      return {
        body: presentTask(outcome.value, loaded.opportunity),
        etag: versionOf(versions, outcome.value),
      };
    },
  });
