import type {
  DiscardedContact,
  DiscardedFilters,
  FirstContactTimesReport,
  Page,
  ReportPeriod,
  SourcesReport,
} from "@dealflow/contract";
import type { ApiClient } from "./api-client.js";

// The reports' shapes are the server's (contract/src/reports/); the views import them here.
export type {
  CampaignStats,
  ConversionStats,
  DiscardedContact,
  DiscardedFilters,
  FirstContactTimesReport,
  OwnerFirstContactTimes,
  ReportPeriod,
  SourceStats,
  SourcesReport,
} from "@dealflow/contract";

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
