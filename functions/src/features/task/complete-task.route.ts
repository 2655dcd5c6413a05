import { completeTask } from "@dealflow/core";
import { z } from "zod";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { idParams } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { contactDirectory } from "../contact/contact-directory.js";
import { taskOutcomeSchema, taskSchema } from "./task.schema.js";
import { loadTask, presentTask, versionOf } from "./task-access.js";

const body = z.strictObject({
  /** SPEC §4.3 "how did it go?"; absent or null is the blank choice (no follow-up). */
  outcome: taskOutcomeSchema.nullable().optional(),
});

export const completeTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "completeTask",
    method: "POST",
    route: "tasks/{id}/complete",
    summary: "Completes a task with the outcome of SPEC §4.3 (tag, classification, follow-up)",
    tag: "Tasks",
    params: idParams,
    body,
    responses: {
      200: {
        description: "The completed task and the follow-up it created, if any",
        schema: z.object({ task: taskSchema, followUp: taskSchema.nullable() }),
      },
    },
    async handler({ params, body, principal, request }) {
      const ctx = await userContext(deps, principal);
      const loaded = await loadTask(deps, principal, params.id, ctx.settings);
      const task = baseVersion(loaded.task, request);
      const { tenantId } = principal;
      const [contact, openTasks] =
        task.contactId === null
          ? [null, []]
          : await Promise.all([
              contactDirectory(deps.store).get(tenantId, task.contactId, task.opportunityId),
              deps.store
                .listOpenTasksOfContact(tenantId, task.contactId, { limit: 200 })
                .then((page) => page.items),
            ]);
      const outcome = completeTask(
        {
          task,
          outcome: body.outcome ?? null,
          contact,
          opportunity: loaded.opportunity,
          openTasks,
        },
        ctx,
      );
      const { versions } = await deps.store.commit(tenantId, outcome);
      const { followUp } = outcome.value;
      return {
        body: {
          task: presentTask(outcome.value.task, loaded.opportunity),
          followUp: followUp === null ? null : presentTask(followUp, loaded.opportunity),
        },
        etag: versionOf(versions, outcome.value.task),
      };
    },
  });
