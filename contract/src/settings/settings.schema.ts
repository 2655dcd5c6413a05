import {
  type choiceSchema,
  type durationsSchema,
  intakeFormSchema,
  marketplaceConnectorSchema,
  type pipelineSchema,
  settingsSchema,
  type stageSchema,
} from "@dealflow/core";
import { z } from "zod";

// The settings document is a domain rule (SPEC §3: every value's default and range), so its
// schema lives in core; the contract names the parts that cross the wire and the two answers.

export type StageRole = NonNullable<Stage["role"]>;
export type Stage = z.output<typeof stageSchema>;
export type Pipeline = z.output<typeof pipelineSchema>;
/** A discard reason or a source. */
export type Labelled = z.output<typeof choiceSchema>;
export type Durations = z.output<typeof durationsSchema>;

/** Read-only: whether a secret was generated; the secret itself only the rotate call reveals. */
const hasSecret = z.boolean();

export const intakeFormAnswerSchema = intakeFormSchema.safeExtend({ hasSecret });

export type IntakeForm = z.output<typeof intakeFormAnswerSchema>;

/** A marketplace that posts its events to /api/marketplace/{key}/events (SPEC §4.4). */
export const marketplaceConnectorAnswerSchema = marketplaceConnectorSchema.safeExtend({
  hasSecret,
});

export type MarketplaceConnector = z.output<typeof marketplaceConnectorAnswerSchema>;

/** GET /api/settings for a manager, and PUT's answer: the whole document, secrets as flags. */
export const managerSettingsSchema = settingsSchema.safeExtend({
  intakeForms: z.array(intakeFormAnswerSchema),
  marketplaces: z.array(marketplaceConnectorAnswerSchema),
});

export type ManagerSettings = z.output<typeof managerSettingsSchema>;

const { durations, discardReasons, sources, pipelines, timeZone, locale } = settingsSchema.shape;

/**
 * GET /api/settings for a seller: what the tabs need (lists to pick from, the clocks they
 * show). Strict: manager ids, intake forms and connectors are administration.
 */
export const sellerSettingsSchema = z.strictObject({
  durations,
  discardReasons,
  sources,
  pipelines,
  timeZone,
  locale,
});

export type SellerSettings = z.output<typeof sellerSettingsSchema>;

/** GET /api/settings: the manager's answer or the seller's, by the reader's role. */
export const settingsAnswerSchema = z.union([managerSettingsSchema, sellerSettingsSchema]);

export type SettingsAnswer = z.output<typeof settingsAnswerSchema>;

/**
 * PUT /api/settings (managers): the whole document, validated by core. What GET added
 * (`hasSecret`) is dropped, so a manager writes back what they read.
 */
export const settingsBody = settingsSchema;

export type SettingsBody = z.input<typeof settingsBody>;
