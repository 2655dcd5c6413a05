import { idSchema } from "@dealflow/contract";
import { LEVELS, type RoutingTarget } from "@dealflow/core";
import { z } from "zod";

const code = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const targetTypeSchema = z.enum(["agency", "freelancer", "internal"]);
export const levelSchema = z.enum(LEVELS);

/**
 * A routing target as a manager edits it in Settings (SPEC §4.5). Rating, review count and
 * completed projects are fed by client reviews; a partner brought over from another catalog
 * may start with its record, hence optional here.
 */
export const routingTargetBody = z.object({
  name: code(200),
  type: targetTypeSchema,
  level: levelSchema.default("none"),
  country: code(60).nullable().default(null),
  primaryLanguage: code(35),
  secondaryLanguages: z.array(code(35)).max(20, "must list at most 20 languages").default([]),
  services: z.array(code(100)).max(50, "must list at most 50 services").default([]),
  active: z.boolean().default(true),
  rating: z.number().min(0, "must be 0–5").max(5, "must be 0–5").default(0),
  reviewCount: z.number().int().min(0).max(1_000_000).default(0),
  completedProjects: z.number().int().min(0).max(1_000_000).default(0),
  /** The user who answers this target's offers; a target without one receives none. */
  userId: idSchema.nullable().default(null),
});

export type RoutingTargetBody = z.output<typeof routingTargetBody>;

export const routingTargetSchema = routingTargetBody.extend({ id: z.string() });

export const routingTargetResponse = (target: RoutingTarget) => {
  const { tenantId: _tenantId, version: _version, ...shown } = target;
  return shown;
};

/** The criteria of SPEC §4.5; every field is optional and a blank one matches everything. */
export const routingCriteriaSchema = z
  .object({
    service: code(100).optional(),
    country: code(60).optional(),
    language: code(35).optional(),
    type: targetTypeSchema.optional(),
    level: levelSchema.optional(),
    name: code(200).optional(),
  })
  .strict();
