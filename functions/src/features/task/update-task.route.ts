import {
  DomainError,
  type Outcome,
  rescheduleTask,
  reviseTask,
  type Task,
  unchanged,
} from "@dealflow/core";
import { z } from "zod";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { idParams, idSchema, instantSchema } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { taskSchema } from "./task.schema.js";
import { loadTask, presentTask, versionOf } from "./task-access.js";

const body = z
  .strictObject({
    dueAt: instantSchema.optional(),
    title: z.string().max(200).optional(),
    /** Managers only. */
    ownerId: idSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "must change dueAt, title or ownerId");

/** Both edits as one write of the task: a batch may not touch the same row twice. */
const combine = (moved: Outcome<Task>, revised: Outcome<Task>): Outcome<Task> => {
  if (revised.changes.length === 0) return moved;
  if (moved.changes.length === 0) return revised;
  return {
    ...moved,
    value: revised.value,
    changes: moved.changes.map((change) =>
      change.entity === "task" && change.after?.id === revised.value.id
        ? { ...change, after: revised.value }
        : change,
    ),
  };
};

export const updateTaskRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "updateTask",
    method: "PATCH",
    route: "tasks/{id}",
    summary: "Reschedules or renames an open task; managers also hand it to another owner",
    tag: "Tasks",
    params: idParams,
    body,
    responses: { 200: { description: "The task as it is now", schema: taskSchema } },
    async handler({ params, body, principal, request }) {
      const ctx = await userContext(deps, principal);
      const loaded = await loadTask(deps, principal, params.id, ctx.settings);
      const task = baseVersion(loaded.task, request);
      const { opportunity } = loaded;
      const moved =
        body.dueAt === undefined
          ? unchanged(task)
          : rescheduleTask({ task, opportunity, dueAt: body.dueAt }, ctx);
      const revised = reviseTask(
        {
          task: moved.value,
          opportunity,
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
        },
        ctx,
      );
      const outcome = combine(moved, revised);
      if (outcome.changes.length === 0) {
        return { body: presentTask(task, opportunity), etag: task.version };
      }
      if (outcome.value.ownerId !== task.ownerId) {
        const owner = await deps.store.getUser(principal.tenantId, outcome.value.ownerId);
        if (owner === null || !owner.active) {
          throw new DomainError("validation", "The new owner is not an active user.", [
            { path: "ownerId", message: "is not an active user of this tenant" },
          ]);
        }
      }
      const { versions } = await deps.store.commit(principal.tenantId, outcome);
      return {
        body: presentTask(outcome.value, opportunity),
        etag: versionOf(versions, outcome.value),
      };
    },
  });
