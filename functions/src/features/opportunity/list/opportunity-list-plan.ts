import type { OpportunityView as ListView } from "@dealflow/contract";
import {
  canRead,
  normalizeText,
  type Opportunity,
  redactHiddenContact,
  type Settings,
  type Viewer,
  validationError,
} from "@dealflow/core";
import type { OpportunityView } from "../../../storage/tenant-queries.js";
import type { ListOrder, ListRequest } from "./opportunity-pages.js";

export type ListFilters = {
  view: ListView;
  /** A user id, or `me`. */
  owner?: string;
  stage?: string;
  pipeline?: string;
  q?: string;
};

type StageFilter = { pipelineId: string; stage: string };

const stageFilterOf = (filters: ListFilters, settings: Settings): StageFilter | null => {
  // `pipeline` only says which pipeline's `stage` is meant (the first one by default).
  if (filters.stage === undefined) return null;
  const pipeline =
    filters.pipeline === undefined
      ? settings.pipelines[0]
      : settings.pipelines.find((p) => p.id === filters.pipeline);
  if (pipeline === undefined)
    throw validationError("query.pipeline", "is not a pipeline of this tenant");
  if (!pipeline.stages.some((s) => s.id === filters.stage)) {
    throw validationError("query.stage", `is not a stage of pipeline ${pipeline.name}`);
  }
  return { pipelineId: pipeline.id, stage: filters.stage };
};

/** Pipelines shared with a team the seller belongs to (SPEC §7 `team` visibility). */
const teamPipelines = (viewer: Viewer, settings: Settings) =>
  settings.pipelines.filter(
    (p) => p.visibility === "team" && p.teamId !== null && viewer.teamIds.includes(p.teamId),
  );

/**
 * Which stored views answer a list, so that no list scans the tenant:
 * - queues: managers read the tenant's queue (or one owner's), sellers an owner's queue
 *   (their own unless `owner` names another; what they may not see is filtered out);
 * - `mine`: the owner's open opportunities; `following`: the user's follow pointers;
 * - `all`: managers the tenant's list (or one owner's open and closed); sellers the merge of
 *   their own, what they follow and, per pipeline shared with their team, its board columns.
 *   A seller's `all` therefore leaves out teammates' discarded opportunities (they have no
 *   column); they stay reachable by id and in the manager's discarded list.
 * `stage` reads the board column where one exists and filters the page elsewhere.
 */
const sourcesOf = (
  view: ListView,
  viewer: Viewer,
  manager: boolean,
  owner: string | undefined,
  stage: StageFilter | null,
  settings: Settings | null,
): OpportunityView[] => {
  const self = viewer.userId;
  switch (view) {
    case "first-contact":
    case "second-contact":
      return [
        {
          kind: view,
          ...(manager ? (owner ? { ownerId: owner } : {}) : { ownerId: owner ?? self }),
        },
      ];
    case "mine": {
      const ownerId = owner ?? self;
      return [stage ? { kind: "stage", ...stage, ownerId } : { kind: "owner", ownerId }];
    }
    case "following":
      return [{ kind: "following", userId: self }];
    case "all": {
      if (owner !== undefined) {
        return stage
          ? [{ kind: "stage", ...stage, ownerId: owner }]
          : [
              { kind: "owner", ownerId: owner },
              { kind: "owner", ownerId: owner, closed: true },
            ];
      }
      if (manager) return [stage ? { kind: "stage", ...stage } : { kind: "all" }];
      const own: OpportunityView[] = stage
        ? [{ kind: "stage", ...stage, ownerId: self }]
        : [
            { kind: "owner", ownerId: self },
            { kind: "owner", ownerId: self, closed: true },
          ];
      const shared = (settings === null ? [] : teamPipelines(viewer, settings)).flatMap(
        (pipeline): OpportunityView[] =>
          pipeline.stages
            .filter(
              (s) => stage === null || (pipeline.id === stage.pipelineId && s.id === stage.stage),
            )
            .map((s) => ({ kind: "stage", pipelineId: pipeline.id, stage: s.id })),
      );
      return [...own, { kind: "following", userId: self }, ...shared];
    }
  }
};

/** Contact name, email, company and title, as the viewer may see them (never a hidden client's). */
const matchesText = (opportunity: Opportunity, needle: string): boolean => {
  const shown = redactHiddenContact(opportunity);
  const haystack = [shown.contact.name, shown.contact.email, shown.contact.company, shown.title]
    .filter((part): part is string => part !== null)
    .map(normalizeText)
    .join("\n");
  return haystack.includes(needle);
};

/**
 * Whether choosing the views needs the tenant's settings (a stage to check, pipelines shared
 * with a seller's team); when not, the page is read while the settings are still loading.
 */
export const sourcesNeedSettings = (filters: ListFilters, manager: boolean): boolean =>
  filters.stage !== undefined ||
  (filters.view === "all" && !manager && filters.owner === undefined);

export const planOpportunityList = (
  filters: ListFilters,
  viewer: Viewer,
  /** Resolved already when sourcesNeedSettings says so. */
  settings: Settings | Promise<Settings>,
  page: { limit: number; cursor: string | null },
): ListRequest => {
  // The principal's role already counts the tenant's manager list (identity's roleOf).
  const manager = viewer.role === "manager";
  const owner = filters.owner === "me" ? viewer.userId : filters.owner;
  const known = settings instanceof Promise ? null : settings;
  if (known === null && sourcesNeedSettings(filters, manager)) {
    throw new Error("planOpportunityList: these filters need the settings resolved");
  }
  const stage = known === null ? null : stageFilterOf(filters, known);
  const needle = filters.q === undefined ? "" : normalizeText(filters.q);
  const order: ListOrder = filters.view === "second-contact" ? "second-contact-due" : "newest";
  const keepWith = (resolved: Settings) => (o: Opportunity) =>
    canRead(viewer, o, resolved) &&
    (owner === undefined || o.ownerId === owner) &&
    (stage === null ||
      (o.pipelineId === stage.pipelineId && o.stage === stage.stage && o.status !== "discarded")) &&
    (needle === "" || matchesText(o, needle));
  return {
    sources: sourcesOf(filters.view, viewer, manager, owner, stage, known),
    order,
    keep: known === null ? Promise.resolve(settings).then(keepWith) : keepWith(known),
    ...page,
  };
};
