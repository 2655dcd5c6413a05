import { TASK_OUTCOMES, type TaskOutcome } from "@dealflow/core";
import { z } from "zod";
import { taskKindSchema } from "../../api/api-schemas.js";

/** SPEC §4.3's "how did it go?" choices; null (or absent) is the blank choice. */
export const taskOutcomeSchema = z.enum(TASK_OUTCOMES as [TaskOutcome, ...TaskOutcome[]]);

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
  status: z.enum(["open", "done", "cancelled"]),
  outcome: taskOutcomeSchema.nullable(),
  origin: z.string(),
  opportunityId: z.string().nullable(),
  contactId: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  opportunity: taskOpportunitySchema.nullable(),
});

export type TaskView = z.infer<typeof taskSchema>;
