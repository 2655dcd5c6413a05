import { z } from "zod";

/**
 * Form keys appear in intake URLs and are unique across all tenants (SPEC §6: a form key
 * belongs to one tenant), so they are plain, URL-safe and long enough not to collide by chance.
 */
export const INTAKE_FORM_KEY = /^[a-z0-9][a-z0-9-]{2,63}$/;

export const intakeFormKeySchema = z
  .string()
  .regex(INTAKE_FORM_KEY, "must be 3–64 lower-case letters, digits and dashes");

/**
 * A web form or ads platform that posts leads to `POST /api/intake/{key}`. Its secret is not
 * part of the settings: it lives server-side with the global key index and is never returned.
 */
export const intakeFormSchema = z
  .object({
    key: intakeFormKeySchema,
    name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
    source: z.string().min(1, "must not be empty"),
    campaign: z.string().trim().max(200, "must be at most 200 characters").nullable().default(null),
    pipelineId: z.string().min(1).nullable().default(null),
    ownerId: z.string().min(1).max(128).nullable().default(null),
    /**
     * round-robin: the next active seller; owner: always `ownerId`; offers: unassigned, then
     * offered to the best-ranked routing targets (SPEC §4.5), the first to accept owns it.
     */
    routing: z.enum(["round-robin", "owner", "offers"]).default("round-robin"),
    active: z.boolean().default(true),
  })
  .superRefine((form, ctx) => {
    if (form.routing === "owner" && form.ownerId === null) {
      ctx.addIssue({
        code: "custom",
        path: ["ownerId"],
        message: "is required when routing is owner",
      });
    }
  });

export type IntakeForm = z.output<typeof intakeFormSchema>;

/** Cross-checks against the rest of the settings: a form must name a source and pipeline that exist. */
export const checkIntakeForms = (
  settings: {
    intakeForms: IntakeForm[];
    sources: { id: string }[];
    pipelines: { id: string }[];
  },
  ctx: z.RefinementCtx,
): void => {
  const sources = new Set(settings.sources.map((source) => source.id));
  const pipelines = new Set(settings.pipelines.map((pipeline) => pipeline.id));
  const keys = new Set<string>();
  settings.intakeForms.forEach((form, index) => {
    const at = (field: string) => ["intakeForms", index, field];
    if (keys.has(form.key))
      ctx.addIssue({ code: "custom", path: at("key"), message: "is used twice" });
    keys.add(form.key);
    if (!sources.has(form.source)) {
      ctx.addIssue({ code: "custom", path: at("source"), message: "is not one of the sources" });
    }
    if (form.pipelineId !== null && !pipelines.has(form.pipelineId)) {
      ctx.addIssue({
        code: "custom",
        path: at("pipelineId"),
        message: "is not one of the pipelines",
      });
    }
  });
};
