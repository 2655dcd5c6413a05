import { createTask, DomainError } from "@dealflow/core";
import { z } from "zod";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { idSchema, instantSchema } from "../../api/api-schemas.js";
import { taskKindSchema, taskSchema } from "./task.schema.js";
import { presentTask, versionOf } from "./task-access.js";

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
      const ctx = await userContext(deps, principal);
      const opportunity =
        body.opportunityId === null
          ? null
          : await deps.store.getOpportunity(principal.tenantId, body.opportunityId);
      if (body.opportunityId !== null && opportunity === null) {
        throw new DomainError("not-found", "The opportunity does not exist.");
      }
      const outcome = createTask(
        {
          opportunity,
          kind: body.kind,
          title: body.title ?? null,
          dueAt: body.dueAt,
          ownerId: body.ownerId ?? null,
        },
        ctx,
      );
      // Checked after the use case so a seller naming someone else hears 403, not a hint
      // about which user ids exist.
      if (outcome.value.ownerId !== principal.userId) {
        const owner = await deps.store.getUser(principal.tenantId, outcome.value.ownerId);
        if (owner === null || !owner.active) {
          throw new DomainError("validation", "The task's owner is not an active user.", [
            { path: "ownerId", message: "is not an active user of this tenant" },
          ]);
        }
      }
      const { versions } = await deps.store.commit(principal.tenantId, outcome);
      return {
        status: 201,
        body: presentTask(outcome.value, opportunity),
        etag: versionOf(versions, outcome.value),
      };
    },
  });
