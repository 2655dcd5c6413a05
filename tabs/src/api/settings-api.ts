import type {
  NewRoutingTarget,
  RoutingTarget,
  RoutingTargetInput,
  TargetReview,
} from "@dealflow/contract";
import type { ApiClient } from "./api-client.js";
import type { Labelled, Page } from "./api-types.js";

export type { NewRoutingTarget, RoutingTargetInput, TargetReview } from "@dealflow/contract";

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

/** A marketplace that posts its events to /api/marketplace/{key}/events (SPEC §4.4). */
export type MarketplaceConnectorSettings = {
  key: string;
  name: string;
  /** null: the pipeline named after the marketplace, else the first (SPEC §4.5). */
  pipelineId: string | null;
  reminderMinutes: number;
  revealMinutes: number;
  /** Read-only: whether the connector has a signing secret yet (never sent back). */
  hasSecret?: boolean;
};

/**
 * The whole settings document as a manager reads it (GET /api/settings). Fields this tab does
 * not edit (anything newer) ride along untouched in `PUT`.
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
  marketplaces?: MarketplaceConnectorSettings[];
  [other: string]: unknown;
};

export type RotatedSecret = { key: string; secret: string; intakePath: string };

/** A connector's new signing secret (201 of POST /api/settings/marketplaces/{key}/secret). */
export type RotatedConnectorSecret = {
  key: string;
  secret: string;
  eventsPath: string;
  /** How far the signed timestamp may be from the server's clock. */
  toleranceSeconds: number;
};

const targetPath = (id: string) => `/api/routing/targets/${encodeURIComponent(id)}`;

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

/** Settings, intake-form and connector secrets, the routing catalog and CSV import (managers). */
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
  rotateMarketplaceSecret: async (key: string) =>
    (
      await client.request<RotatedConnectorSecret>(
        "POST",
        `/api/settings/marketplaces/${encodeURIComponent(key)}/secret`,
      )
    ).data,
  /** Every routing target, active or not, by name. */
  routingCatalog: async () => (await client.get<Page<RoutingTarget>>("/api/routing/targets")).items,
  createRoutingTarget: (target: NewRoutingTarget) =>
    client.request<RoutingTarget>("POST", "/api/routing/targets", { body: target }),
  /** Replaces the target's fields, rating and counts included: send them as read. */
  updateRoutingTarget: (id: string, target: RoutingTargetInput, ifMatch: string | null) =>
    client.request<RoutingTarget>("PUT", targetPath(id), { body: target, ifMatch }),
  /** Targets are deactivated, never deleted: their offers keep naming them. */
  deactivateRoutingTarget: (id: string, ifMatch: string | null) =>
    client.request<RoutingTarget>("DELETE", targetPath(id), { ifMatch }),
  targetReviews: (targetId: string, cursor: string | null) =>
    client.get<Page<TargetReview>>(
      `/api/reviews?targetId=${encodeURIComponent(targetId)}${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""
      }`,
    ),
  importCsv: async (kind: ImportKind, csv: string, dryRun: boolean) =>
    (
      await client.request<ImportReport>("POST", `/api/import/${kind}?dryRun=${dryRun}`, {
        body: csv,
        contentType: "text/csv",
      })
    ).data,
});
