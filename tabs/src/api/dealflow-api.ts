import type {
  Activity,
  CompletedTask,
  ListTasksQuery,
  Me,
  NewNote,
  NewOpportunity,
  Note,
  OpportunityListItem as Opportunity,
  OpportunityView,
  OwnerChange,
  Page,
  PageQuery,
  Preferences,
  PreferencesBody,
  SettingsAnswer as Settings,
  StageChange,
  Task,
  TaskCompletion,
  TaskRange,
  UserSummary,
} from "@dealflow/contract";
import { type ApiClient, type Versioned, withQuery } from "./api-client.js";
import { createDetailApi } from "./detail-api.js";
import type { FirstContactAction } from "./first-contact-action.js";
import { createPipelineApi } from "./pipeline-api.js";
import { createReportsApi } from "./reports-api.js";
import { createRoutingApi } from "./routing-api.js";
import { createSettingsApi } from "./settings-api.js";

const opportunityPath = (id: string, rest = "") =>
  `/api/opportunities/${encodeURIComponent(id)}${rest}`;

/**
 * The routes the tabs use, typed (CONTRACTS.md "API"; GET /api/openapi.json has them all): the
 * queues, agenda and detail basics here, each later feature's routes in its own `*-api.ts`.
 */
export const createDealflowApi = (client: ApiClient) => ({
  ...createDetailApi(client),
  ...createPipelineApi(client),
  ...createReportsApi(client),
  ...createRoutingApi(client),
  ...createSettingsApi(client),
  me: () => client.get<Me>("/api/me"),
  /** The person's Teams language and zone, for their cards, digest and "tomorrow". */
  putPreferences: async (body: PreferencesBody) =>
    (await client.request<Preferences>("PUT", "/api/me/preferences", { body })).data,
  settings: () => client.get<Settings>("/api/settings"),
  /** Every user of the tenant (owner names, owner and follower pickers), all pages. */
  users: async (): Promise<UserSummary[]> => {
    const users: UserSummary[] = [];
    let cursor: string | null = null;
    do {
      const query = { limit: 200, cursor: cursor ?? undefined } satisfies PageQuery;
      const page: Page<UserSummary> = await client.get<Page<UserSummary>>(
        withQuery("/api/users", query),
      );
      users.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return users;
  },
  opportunities: (
    view: OpportunityView,
    owner?: string | null,
    page: { limit?: number; cursor?: string | null; q?: string; nextTask?: boolean } = {},
  ) => {
    const query = new URLSearchParams({ view });
    if (owner) query.set("owner", owner);
    if (page.q) query.set("q", page.q);
    if (page.nextTask) query.set("include", "nextTask");
    if (page.limit) query.set("limit", String(page.limit));
    if (page.cursor) query.set("cursor", page.cursor);
    return client.get<Page<Opportunity>>(`/api/opportunities?${query}`);
  },
  activities: (id: string) => client.get<Page<Activity>>(opportunityPath(id, "/activities")),
  addNote: async (id: string, text: string, ifMatch: string | null) =>
    (
      await client.request<Note>("POST", opportunityPath(id, "/notes"), {
        body: { text } satisfies NewNote,
        ifMatch,
      })
    ).data,
  follow: (id: string, following: boolean, ifMatch: string | null) =>
    client.request<Opportunity>(
      following ? "POST" : "DELETE",
      opportunityPath(id, "/followers/me"),
      {
        ifMatch,
      },
    ),
  changeOwner: (id: string, ownerId: string, ifMatch: string | null) =>
    client.request<Opportunity>("PUT", opportunityPath(id, "/owner"), {
      body: { ownerId } satisfies OwnerChange,
      ifMatch,
    }),
  /** `reason`: why it was lost, for a lost stage (timeline and channel post). */
  changeStage: (id: string, stage: string, ifMatch: string | null, reason?: string | null) =>
    client.request<Opportunity>("PUT", opportunityPath(id, "/stage"), {
      body: (reason ? { stage, reason } : { stage }) satisfies StageChange,
      ifMatch,
    }),
  opportunity: (id: string): Promise<Versioned<Opportunity>> =>
    client.request<Opportunity>("GET", `/api/opportunities/${encodeURIComponent(id)}`),
  notes: (id: string) =>
    client.get<Page<Note>>(`/api/opportunities/${encodeURIComponent(id)}/notes`),
  createOpportunity: async (input: NewOpportunity) =>
    (await client.request<Opportunity>("POST", "/api/opportunities", { body: input })).data,
  recordFirstContact: async (id: string, action: FirstContactAction, ifMatch: string | null) =>
    (
      await client.request<Opportunity>(
        "POST",
        `/api/opportunities/${encodeURIComponent(id)}/first-contact`,
        { body: action, ifMatch },
      )
    ).data,
  /** One page of the user's (or, for a manager, `owner`'s) open tasks in a range. */
  tasks: (range: TaskRange, owner?: string, cursor?: string) =>
    client.get<Page<Task>>(
      withQuery("/api/tasks", { range, owner, cursor } satisfies ListTasksQuery),
    ),
  /** SPEC §4.3: the outcome, and optionally a note and the person's own next task. */
  completeTask: async (id: string, completion: TaskCompletion) =>
    (
      await client.request<CompletedTask>("POST", `/api/tasks/${encodeURIComponent(id)}/complete`, {
        body: completion,
      })
    ).data,
});

export type DealflowApi = ReturnType<typeof createDealflowApi>;
