import { type TaskOutcome as CoreTaskOutcome, TASK_OUTCOMES } from "@dealflow/core";
import { z } from "zod";
import { idSchema, instantSchema, pageQuery, taskKindSchema } from "../common/common.schema.js";

export type TaskKind = z.output<typeof taskKindSchema>;

/** SPEC §4.3's "how did it go?" choices; null (or absent) is the blank choice. */
export const taskOutcomeSchema = z.enum(TASK_OUTCOMES as [CoreTaskOutcome, ...CoreTaskOutcome[]]);

export type TaskOutcome = z.output<typeof taskOutcomeSchema>;

export const taskStatusSchema = z.enum(["open", "done", "cancelled"]);

/** The opportunity a task belongs to, as an agenda row shows it (hidden clients redacted). */
export const taskOpportunitySchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: z.string(),
  status: z.string(),
  contactName: z.string(),
});

export const taskSchema = z.object({
  id: z.string(),
  kind: taskKindSchema,
  title: z.string(),
  ownerId: z.string(),
  dueAt: z.string(),
  status: taskStatusSchema,
  outcome: taskOutcomeSchema.nullable(),
  origin: z.string(),
  opportunityId: z.string().nullable(),
  contactId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  opportunity: taskOpportunitySchema.nullable(),
  /**
   * What the user who asked may do with it, decided by the server (SPEC §4.3, §7): `change`
   * (complete, reschedule, cancel) is its owner's, its opportunity's editors' and, for a task
   * of no opportunity, managers'.
   */
  permissions: z.object({ change: z.boolean() }),
});

export type Task = z.output<typeof taskSchema>;

/** The agenda's three windows (SPEC §4.3): overdue, the rest of today, later. */
export const taskRangeSchema = z.enum(["overdue", "today", "upcoming"]);

export type TaskRange = z.output<typeof taskRangeSchema>;

/**
 * GET /api/tasks: an agenda (`range`, a manager's `owner`) or one opportunity's tasks, paged.
 */
export const listTasksQuery = z
  .object({
    owner: idSchema.optional(),
    range: taskRangeSchema.optional(),
    /** One opportunity's tasks, done and cancelled included: the detail's tasks section. */
    opportunity: idSchema.optional(),
    ...pageQuery,
  })
  .superRefine((q, issues) => {
    // An opportunity's tasks are not an agenda: owner and range would silently mean nothing.
    if (q.opportunity === undefined) return;
    for (const field of ["owner", "range"] as const) {
      if (q[field] !== undefined) {
        issues.addIssue({
          code: "custom",
          path: [field],
          message: "cannot be used with opportunity",
        });
      }
    }
  });

export type ListTasksQuery = z.input<typeof listTasksQuery>;

/** POST /api/tasks. */
export const createTaskBody = z.strictObject({
  /** null: a task of the owner's own, tied to no opportunity. */
  opportunityId: idSchema.nullable(),
  kind: taskKindSchema,
  title: z.string().max(200).nullable().optional(),
  /** A past instant is allowed: imported overdue work (it gets one reminder at once). */
  dueAt: instantSchema,
  ownerId: idSchema.optional(),
});

export type NewTask = z.input<typeof createTaskBody>;

/** PATCH /api/tasks/{id}. */
export const updateTaskBody = z
  .strictObject({
    dueAt: instantSchema.optional(),
    title: z.string().max(200).optional(),
    /** Managers only. */
    ownerId: idSchema.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "must change dueAt, title or ownerId");

export type TaskPatch = z.input<typeof updateTaskBody>;

/** POST /api/tasks/{id}/complete. */
export const completeTaskBody = z.strictObject({
  /** SPEC §4.3 "how did it go?"; absent or null is the blank choice (no follow-up). */
  outcome: taskOutcomeSchema.nullable().optional(),
  /** What happened, kept as a note on the task's opportunity. */
  note: z.string().max(10_000).nullish(),
  /** The person's own next task, scheduled instead of the outcome's default follow-up. */
  nextTask: z
    .strictObject({
      kind: taskKindSchema,
      title: z.string().max(200).nullish(),
      dueAt: instantSchema,
    })
    .nullish(),
});

export type TaskCompletion = z.input<typeof completeTaskBody>;

/** The completed task and the follow-up its outcome created, if any. */
export const completedTaskSchema = z.object({ task: taskSchema, followUp: taskSchema.nullable() });

export type CompletedTask = z.output<typeof completedTaskSchema>;
