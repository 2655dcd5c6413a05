import { z } from "zod";
import { isTimeZone } from "../i18n/time-zone.js";
import { DEFAULT_STAGES } from "../pipeline/pipeline.types.js";
import {
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from "../retention/retention.js";
import { checkIntakeForms, intakeFormSchema } from "./intake-form.schema.js";
import { checkConnectorDelays, checkMarketplaces } from "./marketplace-connectors.js";

const MIN = 1;
const HOUR = 60;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

const minutes = (min: number, max: number, fallback: number) =>
  z
    .number()
    .int("must be a whole number of minutes")
    .min(min, `must be at least ${plural(min, "minute")}`)
    .max(max, `must be at most ${plural(max, "minute")}`)
    .default(fallback);

const days = (fallback: number) =>
  z
    .number()
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(365, "must be at most 365 days")
    .default(fallback);

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lower-case letters, digits and dashes");
const label = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(80, "must be at most 80 characters");

/** A stage of a pipeline; `role` says what it means to the rules (see pipeline.types.ts). */
export const stageSchema = z.object({
  id,
  name: label,
  role: z.enum(["new", "second-contact", "proposal", "won", "lost"]).nullable().default(null),
});

export const pipelineSchema = z
  .object({
    id,
    name: label,
    stages: z.array(stageSchema).min(3, "needs at least the new, won and lost stages").max(20),
    visibility: z.enum(["owner", "team"]).default("owner"),
    teamId: z.string().min(1).nullable().default(null),
  })
  .superRefine((pipeline, ctx) => {
    for (const role of ["new", "won", "lost"] as const) {
      const count = pipeline.stages.filter((stage) => stage.role === role).length;
      if (count !== 1) {
        ctx.addIssue({
          code: "custom",
          path: ["stages"],
          message: `needs exactly one "${role}" stage`,
        });
      }
    }
    const ids = pipeline.stages.map((stage) => stage.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: "custom", path: ["stages"], message: "stage ids must be unique" });
    }
    if (pipeline.visibility === "team" && pipeline.teamId === null) {
      ctx.addIssue({
        code: "custom",
        path: ["teamId"],
        message: "is required when visibility is team",
      });
    }
  });

/** A discard reason or a source: an id stored on records and the label the tabs show. */
export const choiceSchema = z.object({ id, label });

const uniqueIds = <T extends { id: string }>(items: T[], ctx: z.RefinementCtx, what: string) => {
  const ids = items.map((item) => item.id);
  if (new Set(ids).size !== ids.length)
    ctx.addIssue({ code: "custom", message: `${what} ids must be unique` });
};

/** A marketplace connector (SPEC §4.4); its signing secret lives with the key index, not here. */
export const marketplaceConnectorSchema = z
  .object({
    key: id,
    name: label,
    /** null: the pipeline named after the marketplace, else the first (SPEC §4.5). */
    pipelineId: id.nullable().default(null),
    reminderMinutes: minutes(MIN, 30 * DAY, DAY),
    revealMinutes: minutes(MIN, 30 * DAY, 2 * DAY),
  })
  .superRefine(checkConnectorDelays);

export const DEFAULT_DISCARD_REASONS = [
  { id: "not-target-profile", label: "Not the target profile" },
  { id: "no-budget", label: "No budget" },
  { id: "duplicate", label: "Duplicate" },
  { id: "spam", label: "Spam or fake" },
  { id: "unreachable", label: "Unreachable" },
  { id: "chose-competitor", label: "Chose a competitor" },
  { id: "other", label: "Other" },
];

export const DEFAULT_SOURCES = [
  { id: "web-form", label: "Web form" },
  { id: "referral", label: "Referral" },
  { id: "phone-call", label: "Phone call" },
  { id: "marketplace", label: "Marketplace" },
  { id: "manual", label: "Manual" },
  { id: "import", label: "Import" },
  // Made from a Teams message with the message extension's "Create opportunity".
  { id: "teams-message", label: "Teams message" },
];

export const DEFAULT_PIPELINE = {
  id: "sales",
  name: "Sales",
  stages: DEFAULT_STAGES.map((stage) => ({ ...stage })),
  visibility: "owner" as const,
  teamId: null,
};

/** SPEC §3: every duration with its default and allowed range. Minutes unless named days. */
export const durationsSchema = z.object({
  firstContactTargetMinutes: minutes(1, 7 * DAY, 15),
  firstContactEscalationMinutes: minutes(1, 14 * DAY, 4 * HOUR),
  secondContactDelayMinutes: minutes(HOUR, 14 * DAY, DAY),
  proposalDelayMinutes: minutes(HOUR, 30 * DAY, 3 * DAY),
  classificationFollowUpDays: z
    .object({
      "potential-consultant": days(7),
      promising: days(14),
      likely: days(30),
      undecided: days(60),
    })
    .prefault({}),
  notSureFollowUpDays: days(14),
  routingOfferWindowMinutes: minutes(HOUR, 30 * DAY, 3 * DAY),
  /** Lead time of the "due soon" reminder; 0 = only the reminder at due time. */
  taskDueSoonMinutes: minutes(0, 7 * DAY, HOUR),
  /** null = no escalation of overdue tasks to managers (the optional rule of SPEC §5). */
  taskOverdueEscalationMinutes: minutes(1, 30 * DAY, DAY)
    .nullable()
    .default(null),
});

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time such as 09:00");

/**
 * The team's working week (SPEC §3 "task reminder … within a working day"): reminders that
 * would fire outside it come at the start of the next working period instead. Days are ISO
 * weekdays (1 = Monday … 7 = Sunday); times are the person's wall clock.
 */
export const workingHoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, "needs at least one working day")
      .max(7)
      .refine((days) => new Set(days).size === days.length, "must not repeat a day")
      .default([1, 2, 3, 4, 5]),
    start: clockTime.default("09:00"),
    end: clockTime.default("18:00"),
  })
  .refine((hours) => hours.start < hours.end, {
    message: "must end after it starts",
    path: ["end"],
  });

export const settingsSchema = z
  .object({
    workingHours: workingHoursSchema.prefault({}),
    durations: durationsSchema.prefault({}),
    routingOffersAtOnce: z
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(10, "must be at most 10")
      .default(3),
    discardReasons: z
      .array(choiceSchema)
      .min(1)
      .max(30)
      .superRefine((items, ctx) => uniqueIds(items, ctx, "discard reason"))
      .default(DEFAULT_DISCARD_REASONS),
    sources: z
      .array(choiceSchema)
      .min(1)
      .max(50)
      .superRefine((items, ctx) => uniqueIds(items, ctx, "source"))
      .default(DEFAULT_SOURCES),
    pipelines: z
      .array(pipelineSchema)
      .min(1, "needs at least one pipeline")
      .max(20)
      .superRefine((items, ctx) => uniqueIds(items, ctx, "pipeline"))
      .default([DEFAULT_PIPELINE]),
    managerIds: z.array(z.string().min(1)).max(200).default([]),
    timeZone: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone such as Europe/Madrid")
      .default("UTC"),
    locale: z.enum(["en", "es"]).default("en"),
    /**
     * Issue 21: task reminders, escalations and offers also go to each person's Teams activity
     * feed (Graph, permission TeamsActivity.Send granted by an administrator). Off until a
     * manager turns it on; the bot's cards are sent either way.
     */
    activityFeed: z.boolean().default(false),
    /**
     * Issue 23: days the retention timer keeps delivered notifications, delivery and mail
     * logs, marketplace event answers and used or expired review links. Records are never purged.
     */
    retentionDays: z
      .number()
      .int("must be a whole number of days")
      .min(MIN_RETENTION_DAYS, `must be at least ${MIN_RETENTION_DAYS} days`)
      .max(MAX_RETENTION_DAYS, `must be at most ${MAX_RETENTION_DAYS} days`)
      .default(DEFAULT_RETENTION_DAYS),
    marketplaces: z.array(marketplaceConnectorSchema).max(20).default([]),
    intakeForms: z.array(intakeFormSchema).max(50).default([]),
  })
  .superRefine((settings, ctx) => {
    checkIntakeForms(settings, ctx);
    checkMarketplaces(settings, ctx);
  });
