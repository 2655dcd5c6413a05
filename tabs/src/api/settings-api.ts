import type { ApiClient } from "./api-client.js";
import type { Labelled } from "./api-types.js";

export type StageRole = "new" | "second-contact" | "proposal" | "won" | "lost";
export const STAGE_ROLES: readonly StageRole[] = [
  "new",
  "second-contact",
  "proposal",
  "won",
  "lost",
];

export type StageSettings = { id: string; name: string; role: StageRole | null };

export type PipelineSettings = {
  id: string;
  name: string;
  stages: StageSettings[];
  visibility: "owner" | "team";
  teamId: string | null;
};

export type IntakeFormSettings = {
  key: string;
  name: string;
  source: string;
  campaign: string | null;
  pipelineId: string | null;
  ownerId: string | null;
  routing: "round-robin" | "owner";
  active: boolean;
  /** Read-only (GET): whether a secret was generated; the secret itself is never returned. */
  hasSecret?: boolean;
};

export type DurationSettings = {
  firstContactTargetMinutes: number;
  firstContactEscalationMinutes: number;
  secondContactDelayMinutes: number;
  proposalDelayMinutes: number;
  classificationFollowUpDays: Record<
    "potential-consultant" | "promising" | "likely" | "undecided",
    number
  >;
  notSureFollowUpDays: number;
  routingOfferWindowMinutes: number;
  taskDueSoonMinutes: number;
  taskOverdueEscalationMinutes: number | null;
};

/**
 * The whole settings document as a manager reads it (GET /api/settings). Fields this tab does
 * not edit (marketplace connectors, anything newer) ride along untouched in `PUT`.
 */
export type SettingsDocument = {
  durations: DurationSettings;
  routingOffersAtOnce: number;
  discardReasons: Labelled[];
  sources: Labelled[];
  pipelines: PipelineSettings[];
  managerIds: string[];
  timeZone: string;
  locale: "en" | "es";
  intakeForms: IntakeFormSettings[];
  marketplaces?: unknown[];
  [other: string]: unknown;
};

export type RotatedSecret = { key: string; secret: string; intakePath: string };

export type ImportKind = "contacts" | "opportunities";

export type ImportRowReport = {
  row: number;
  status: "ok" | "error";
  preview: Record<string, unknown> | null;
  errors: { column: string; message: string }[];
};

export type ImportReport = {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  created: number;
  ignoredColumns: string[];
  rows: ImportRowReport[];
};

/** Settings, intake-form secrets and CSV import (managers). */
export const createSettingsApi = (client: ApiClient) => ({
  /** The full document with its ETag, to be written back with `saveSettings`. */
  readSettings: () => client.request<SettingsDocument>("GET", "/api/settings"),
  saveSettings: (settings: SettingsDocument, ifMatch: string | null) =>
    client.request<SettingsDocument>("PUT", "/api/settings", { body: settings, ifMatch }),
  rotateIntakeSecret: async (key: string) =>
    (
      await client.request<RotatedSecret>(
        "POST",
        `/api/settings/intake-forms/${encodeURIComponent(key)}/secret`,
      )
    ).data,
  importCsv: async (kind: ImportKind, csv: string, dryRun: boolean) =>
    (
      await client.request<ImportReport>("POST", `/api/import/${kind}?dryRun=${dryRun}`, {
        body: csv,
        contentType: "text/csv",
      })
    ).data,
});
