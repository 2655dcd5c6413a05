import type {
  ImportKind,
  ImportReport,
  ListReviewsQuery,
  ManagerSettings,
  NewRoutingTarget,
  Page,
  RotatedConnectorSecret,
  RotatedIntakeSecret,
  RoutingTarget,
  RoutingTargetInput,
  SettingsBody,
  StageRole,
  TargetReview,
  Team,
  TeamList,
} from "@dealflow/contract";
import { type ApiClient, withQuery } from "./api-client.js";
import type { Unlisted } from "./menu-choices.js";

// The settings' wire shapes are the contract's (the manager's GET answer, the PUT body).
export type {
  IntakeForm,
  ManagerSettings,
  NewRoutingTarget,
  RoutingTargetInput,
  SettingsBody,
  StageRole,
  TargetReview,
} from "@dealflow/contract";

/** The roles in the order the stage table offers them; the compiler checks it lists them all. */
export const STAGE_ROLES = [
  "new",
  "second-contact",
  "proposal",
  "won",
  "lost",
] as const satisfies readonly StageRole[];

const everyRole: Unlisted<StageRole, (typeof STAGE_ROLES)[number]> = true;
void everyRole;

const targetPath = (id: string) => `/api/routing/targets/${encodeURIComponent(id)}`;

export type {
  ImportKind,
  ImportReport,
  ImportRowReport,
  Team,
  TeamMemberSummary,
} from "@dealflow/contract";

const teamMemberPath = (teamId: string, userId: string) =>
  `/api/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`;

/** Settings, intake-form and connector secrets, the routing catalog and CSV import (managers). */
export const createSettingsApi = (client: ApiClient) => ({
  /** The full document with its ETag, to be written back with `saveSettings`. */
  readSettings: () => client.request<ManagerSettings>("GET", "/api/settings"),
  saveSettings: (settings: SettingsBody, ifMatch: string | null) =>
    client.request<ManagerSettings>("PUT", "/api/settings", { body: settings, ifMatch }),
  rotateIntakeSecret: async (key: string) =>
    (
      await client.request<RotatedIntakeSecret>(
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
      withQuery("/api/reviews", {
        targetId,
        cursor: cursor ?? undefined,
      } satisfies ListReviewsQuery),
    ),
  /** The Teams teams Dealflow's bot is in, with their members, by name. */
  listTeams: async () => (await client.get<TeamList>("/api/teams")).items,
  /** Gives a user a team at once (the fallback for someone Teams does not list). */
  addTeamMember: async (teamId: string, userId: string) =>
    (await client.request<Team>("PUT", teamMemberPath(teamId, userId))).data,
  removeTeamMember: async (teamId: string, userId: string) =>
    (await client.request<Team>("DELETE", teamMemberPath(teamId, userId))).data,
  importCsv: async (kind: ImportKind, csv: string, dryRun: boolean) =>
    (
      await client.request<ImportReport>("POST", `/api/import/${kind}?dryRun=${dryRun}`, {
        body: csv,
        contentType: "text/csv",
      })
    ).data,
});
