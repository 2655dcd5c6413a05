import { z } from "zod";

/** What a CSV import creates: POST /api/import/contacts or /api/import/opportunities. */
export type ImportKind = "contacts" | "opportunities";

/** POST /api/import/{contacts|opportunities}?dryRun=: `true` previews and writes nothing. */
export const importQuery = z.object({
  dryRun: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => value === "true"),
});

/** Why a row cannot be imported, under the CSV column's name. */
export const importRowErrorSchema = z.object({ column: z.string(), message: z.string() });

export type ImportRowError = z.output<typeof importRowErrorSchema>;

/** One row of the report: what it would create (dry run) or created, or why it cannot. */
export const importRowReportSchema = z.object({
  row: z.number(),
  status: z.enum(["ok", "error"]),
  preview: z.record(z.string(), z.unknown()).nullable(),
  errors: z.array(importRowErrorSchema),
});

export type ImportRowReport = z.output<typeof importRowReportSchema>;

/** An import's answer: the dry run's preview (200), or what was imported (201). */
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  created: z.number(),
  ignoredColumns: z.array(z.string()),
  rows: z.array(importRowReportSchema),
});

export type ImportReport = z.output<typeof importReportSchema>;
