import { DAY_MS } from "@dealflow/core";
import { z } from "zod";
import { idSchema, instantSchema, pageQuery } from "../common/common.schema.js";
import { contactSnapshotSchema } from "../opportunity/opportunity.schema.js";

// SPEC §4.7: the managers' reports and the discarded contacts list.

/** The longest period one report reads: its cost grows with the opportunities in it. */
export const MAX_PERIOD_DAYS = 366;

/** GET /api/reports/*: the period of the opportunities received. */
export const periodQuery = z
  .object({
    /** Received at or after; default 30 days before `to`. */
    from: instantSchema.optional(),
    /** Received before; default now. */
    to: instantSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ["to"],
    message: "must be after from",
  })
  .refine(
    (q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_PERIOD_DAYS * DAY_MS,
    { path: ["from"], message: `the period may span at most ${MAX_PERIOD_DAYS} days` },
  );

/** A report's period as it answers it: instants, `from` included, `to` excluded. */
export const reportPeriodSchema = z.object({ from: z.string(), to: z.string() });

export type ReportPeriod = z.output<typeof reportPeriodSchema>;

const statsShape = {
  count: z.number(),
  open: z.number(),
  discarded: z.number(),
  won: z.number(),
  lost: z.number(),
  discardedShare: z.number(),
  wonShare: z.number(),
  lostShare: z.number(),
  medianMinutesToFirstContact: z.number().nullable(),
};

/** One group's conversions: shares are fractions (0–1) of `count`. */
export const conversionStatsSchema = z.object(statsShape);

export type ConversionStats = z.output<typeof conversionStatsSchema>;

export const campaignStatsSchema = z.object({ campaign: z.string().nullable(), ...statsShape });

export type CampaignStats = z.output<typeof campaignStatsSchema>;

export const sourceStatsSchema = z.object({
  source: z.string(),
  ...statsShape,
  campaigns: z.array(campaignStatsSchema),
});

export type SourceStats = z.output<typeof sourceStatsSchema>;

/** GET /api/reports/sources: the period's opportunities by source, then by campaign. */
export const sourcesReportSchema = reportPeriodSchema.extend({
  total: conversionStatsSchema,
  sources: z.array(sourceStatsSchema),
});

export type SourcesReport = z.output<typeof sourcesReportSchema>;

export const ownerFirstContactTimesSchema = z.object({
  /** null: the unassigned opportunities. */
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  count: z.number(),
  contacted: z.number(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  /** Contacted later than the target, or still waiting past it. */
  breaches: z.number(),
});

export type OwnerFirstContactTimes = z.output<typeof ownerFirstContactTimesSchema>;

/** GET /api/reports/first-contact-times: minutes, per owner. */
export const firstContactTimesReportSchema = reportPeriodSchema.extend({
  targetMinutes: z.number(),
  owners: z.array(ownerFirstContactTimesSchema),
});

export type FirstContactTimesReport = z.output<typeof firstContactTimesReportSchema>;

/** The discarded list's filters (its page and its CSV export); `from`/`to` bound the discard. */
export const discardedFilters = {
  reason: z.string().max(100).optional(),
  source: z.string().max(100).optional(),
  campaign: z.string().max(200).optional(),
  owner: idSchema.optional(),
  /** Discarded at or after. */
  from: instantSchema.optional(),
  /** Discarded before. */
  to: instantSchema.optional(),
};

/** GET /api/contacts/discarded.csv. */
export const discardedFiltersQuery = z.object(discardedFilters);

export type DiscardedFilters = z.output<typeof discardedFiltersQuery>;

/** GET /api/contacts/discarded. */
export const discardedQuery = z
  .object({ ...discardedFilters, ...pageQuery })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ["to"],
    message: "must be after from",
  });

/** A discarded opportunity's contact, as the list shows it (hidden clients redacted). */
export const discardedContactSchema = z.object({
  opportunityId: z.string(),
  title: z.string(),
  contact: contactSnapshotSchema,
  reason: z.string(),
  reasonText: z.string().nullable(),
  source: z.string(),
  campaign: z.string().nullable(),
  ownerId: z.string().nullable(),
  discardedAt: z.string(),
  discardedBy: z.string().nullable(),
});

export type DiscardedContact = z.output<typeof discardedContactSchema>;
