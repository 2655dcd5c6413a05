import { activityChange } from "../activity/new-activity.js";
import type { Outcome } from "../changes/change-set.js";
import { iso } from "../shared/time.js";
import { ownerTimeZone, type UseCaseContext } from "../shared/use-case-context.js";
import { withScheduled } from "../sla/deadline-refs.js";
import { taskDeadlines } from "../sla/task-deadlines.js";
import { defaultTaskTitle } from "./default-task-title.js";
import type { Task, TaskKind, TaskOrigin } from "./task.types.js";

export type TaskSpec = {
  kind: TaskKind;
  title?: string | null;
  dueAt: Date;
  ownerId: string;
  opportunityId: string | null;
  contactId: string | null;
  /** For the default title. */
  contactName: string | null;
  origin: TaskOrigin;
};

/**
 * The one way a task comes to be: the record, its reminders (SPEC §5) and its timeline line.
 * Callers have already checked permissions and input.
 */
export const newTask = (spec: TaskSpec, ctx: UseCaseContext): Outcome<Task> => {
  const draft: Task = {
    tenantId: ctx.tenantId,
    id: ctx.ids(),
    kind: spec.kind,
    title: spec.title ?? defaultTaskTitle(spec.kind, spec.contactName, ctx.settings.locale),
    ownerId: spec.ownerId,
    dueAt: iso(spec.dueAt),
    opportunityId: spec.opportunityId,
    contactId: spec.contactId,
    status: "open",
    outcome: null,
    origin: spec.origin,
    createdAt: iso(ctx.now),
    createdBy: ctx.actor?.userId ?? null,
    completedAt: null,
    deadlines: [],
  };
  const schedule = taskDeadlines(draft, ctx.settings, ctx.now, ownerTimeZone(draft.ownerId, ctx));
  const task = withScheduled(draft, schedule);
  return {
    value: task,
    changes: [
      { entity: "task", before: null, after: task },
      ...(task.opportunityId === null
        ? []
        : [
            activityChange(
              task.opportunityId,
              {
                type: "task-created",
                taskId: task.id,
                kind: task.kind,
                title: task.title,
                dueAt: task.dueAt,
              },
              ctx,
            ),
          ]),
    ],
    schedule,
    cancel: [],
  };
};
