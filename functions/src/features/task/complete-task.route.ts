import { completedTaskSchema, completeTaskBody, idParams } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { completeTask } from "./task.service.js";
import { presentTask } from "./task-access.js";

export const completeTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "completeTask",
    method: "POST",
    route: "tasks/{id}/complete",
    summary: "Completes a task with the outcome of SPEC §4.3 (tag, classification, follow-up)",
    tag: "Tasks",
    params: idParams,
    body: completeTaskBody,
    responses: {
      200: {
        description: "The completed task and the follow-up it created, if any",
        schema: completedTaskSchema,
      },
    },
    async handler({ params, body, principal, request }) {
      const done = await completeTask(
        deps,
        viewerOf(principal),
        params.id,
        body.outcome ?? null,
        ifMatchOf(request),
        { note: body.note ?? null, nextTask: body.nextTask ?? null },
      );
      const { followUp, opportunity } = done;
      return {
        body: {
          task: presentTask(done.task, opportunity, done.seenBy),
          followUp: followUp === null ? null : presentTask(followUp, opportunity, done.seenBy),
        },
        etag: done.version,
      };
    },
  });
