import { type OfferStatus as CoreOfferStatus, LEVELS, type Level } from "@dealflow/core";
import { z } from "zod";
import { idSchema, pageQuery } from "../common/common.schema.js";

// SPEC §4.5: routing sends an opportunity to targets as offers; managers keep the catalog.

export const OFFER_STATUSES = [
  "pending",
  "accepted",
  "declined",
  "expired",
  "withdrawn",
] as const satisfies readonly CoreOfferStatus[];

export const offerStatusSchema = z.enum(OFFER_STATUSES);

export type OfferStatus = z.output<typeof offerStatusSchema>;

export const routingModeSchema = z.enum(["automatic", "manual"]);

export type RoutingMode = z.output<typeof routingModeSchema>;

/** A routing offer as the API answers it (its criteria stay on the server). */
export const offerSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  /** The opportunity's title (a hidden client's name redacted in it); null if unreadable. */
  opportunityTitle: z.string().nullable(),
  targetId: z.string(),
  targetName: z.string().nullable(),
  userId: z.string(),
  mode: routingModeSchema,
  status: offerStatusSchema,
  sentAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
});

export type Offer = z.output<typeof offerSchema>;

/** GET /api/offers. */
export const listOffersQuery = z.object({
  /** `mine`: the caller's inbox. `all`: every offer of the tenant (managers). */
  scope: z.enum(["mine", "all"]).default("mine"),
  /** Any status when left out for `all`; the inbox is pending only. */
  status: offerStatusSchema.optional(),
  ...pageQuery,
});

export type ListOffersQuery = z.input<typeof listOffersQuery>;

const code = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const routingTargetTypeSchema = z.enum(["agency", "freelancer", "internal"]);

export type RoutingTargetType = z.output<typeof routingTargetTypeSchema>;

export const levelSchema = z.enum(LEVELS);

export type { Level };

/**
 * A routing target as a manager edits it in Settings (SPEC §4.5): POST and PUT
 * /api/routing/targets. Rating, review count and completed projects are fed by client
 * reviews; a partner brought over from another catalog may start with its record, hence
 * optional here.
 */
export const routingTargetBody = z.object({
  name: code(200),
  type: routingTargetTypeSchema,
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

/** A target's every field as written in full (a PUT replaces them all, counts included). */
export type RoutingTargetInput = z.output<typeof routingTargetBody>;

/** A new target starts with no reviews: the counts are left to their defaults. */
export type NewRoutingTarget = Omit<
  RoutingTargetInput,
  "rating" | "reviewCount" | "completedProjects"
>;

/** A routing target as managers read the catalog (GET /api/routing/targets). */
export const routingTargetSchema = routingTargetBody.extend({ id: z.string() });

export type RoutingTarget = z.output<typeof routingTargetSchema>;

/** The criteria of SPEC §4.5; every field is optional and a blank one matches everything. */
export const routingCriteriaSchema = z
  .object({
    service: code(100).optional(),
    country: code(60).optional(),
    language: code(35).optional(),
    type: routingTargetTypeSchema.optional(),
    level: levelSchema.optional(),
    name: code(200).optional(),
  })
  .strict();

/**
 * POST /api/opportunities/{id}/routing: automatic sends offers to the best-ranked matching
 * targets; manual to the one target picked.
 */
export const routeOpportunityBody = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("automatic"), criteria: routingCriteriaSchema.default({}) }),
  z.object({
    mode: z.literal("manual"),
    targetId: idSchema,
    criteria: routingCriteriaSchema.default({}),
  }),
]);

export type RoutingRequest = z.input<typeof routeOpportunityBody>;

/** The offers one routing request sent (empty when none could be). */
export const routedOffersSchema = z.object({ items: z.array(offerSchema) });

export type RoutedOffers = z.output<typeof routedOffersSchema>;
