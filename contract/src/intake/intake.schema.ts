import { intakeFormKeySchema } from "@dealflow/core";
import { z } from "zod";

// POST /api/intake/{formKey}: a web form's lead (SPEC §6). Its body is read field by field
// from JSON or a form post (name or first_name/last_name, email, phone, company, message,
// campaign, externalId, utm_*), so only the path and the answer are schemas here.

export const intakeParams = z.object({ formKey: intakeFormKeySchema });

/** 201 for a new lead; 200 with the same answer for a replay of one already received. */
export const intakeAnswerSchema = z.object({ opportunityId: z.string(), created: z.boolean() });

export type IntakeAnswer = z.output<typeof intakeAnswerSchema>;
