import type { ApiClient } from "./api-client.js";
import type { Contact, Page } from "./api-types.js";

/** A report's period: instants (ISO 8601), `from` included, `to` excluded. */
export type ReportPeriod = { from: string; to: string };

/** One group's conversions (GET /api/reports/sources): shares are fractions (0–1) of `count`. */
export type ConversionStats = {
  count: number;
  open: number;
  discarded: number;
  won: number;
  lost: number;
  discardedShare: number;
  wonShare: number;
  lostShare: number;
  medianMinutesToFirstContact: number | null;
};

export type CampaignStats = ConversionStats & { campaign: string | null };
export type SourceStats = ConversionStats & { source: string; campaigns: CampaignStats[] };

/** Opportunities received in the period, by source and within each source by campaign. */
export type SourcesReport = ReportPeriod & { total: ConversionStats; sources: SourceStats[] };

export type OwnerFirstContactTimes = {
  /** null: the unassigned opportunities. */
  ownerId: string | null;
  ownerName: string | null;
  count: number;
  contacted: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** Contacted later than the target, or still waiting past it. */
  breaches: number;
};

export type FirstContactTimesReport = ReportPeriod & {
  targetMinutes: number;
  owners: OwnerFirstContactTimes[];
};

export type DiscardedContact = {
  opportunityId: string;
  title: string;
  contact: Contact;
  reason: string;
  reasonText: string | null;
  source: string;
  campaign: string | null;
  ownerId: string | null;
  discardedAt: string;
  discardedBy: string | null;
};

/** The discarded list's filters; `from`/`to` bound the discard date. Empty means any. */
export type DiscardedFilters = {
  from?: string;
  to?: string;
  reason?: string;
  source?: string;
  campaign?: string;
  owner?: string;
};

const queryOf = (params: Record<string, string | number | undefined | null>): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
};

/** Reports, the discarded contacts list and its CSV export (managers; others get 403). */
export const createReportsApi = (client: ApiClient) => ({
  sourcesReport: (period: ReportPeriod) =>
    client.get<SourcesReport>(`/api/reports/sources${queryOf(period)}`),
  firstContactTimesReport: (period: ReportPeriod) =>
    client.get<FirstContactTimesReport>(`/api/reports/first-contact-times${queryOf(period)}`),
  discardedContacts: (
    filters: DiscardedFilters,
    page: { cursor?: string | null; limit?: number },
  ) =>
    client.get<Page<DiscardedContact>>(
      `/api/contacts/discarded${queryOf({ ...filters, cursor: page.cursor, limit: page.limit })}`,
    ),
  /** The whole filtered list as CSV (RFC 4180, UTF-8 with a BOM). */
  discardedContactsCsv: (filters: DiscardedFilters) =>
    client.download(`/api/contacts/discarded.csv${queryOf(filters)}`),
});
