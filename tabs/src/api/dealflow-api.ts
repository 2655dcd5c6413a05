import type { ApiClient, Versioned } from "./api-client.js";
import type {
  FirstContactAction,
  Me,
  NewOpportunity,
  Note,
  Opportunity,
  OpportunityView,
  Page,
  Settings,
  Task,
  TaskOutcome,
  TaskRange,
} from "./api-types.js";

/** The routes the tabs use, typed (CONTRACTS.md "API"; GET /api/openapi.json has them all). */
export const createDealflowApi = (client: ApiClient) => ({
  me: () => client.get<Me>("/api/me"),
  settings: () => client.get<Settings>("/api/settings"),
  opportunities: (view: OpportunityView) =>
    client.get<Page<Opportunity>>(`/api/opportunities?view=${encodeURIComponent(view)}`),
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
  tasks: (range: TaskRange, owner?: string) =>
    client.get<Page<Task>>(
      `/api/tasks?range=${range}${owner ? `&owner=${encodeURIComponent(owner)}` : ""}`,
    ),
  completeTask: async (id: string, outcome: TaskOutcome | null) =>
    (
      await client.request<Task>("POST", `/api/tasks/${encodeURIComponent(id)}/complete`, {
        body: { outcome },
      })
    ).data,
});

export type DealflowApi = ReturnType<typeof createDealflowApi>;
