import {
  canRead,
  firstContactDueTimes,
  isContactHidden,
  type Opportunity,
  type Pipeline,
  redactHiddenContact,
  type Task,
} from "@dealflow/core";
import type { StatusSummary } from "../cards/command-cards.js";
import { type BotData, readAll } from "../ports/bot-data.js";
import type { BotUser } from "./bot-user.js";

/** What the user may see, without scanning the tenant for a seller (owner, following, team). */
const visibleOpportunities = async (data: BotData, user: BotUser): Promise<Opportunity[]> => {
  const { tenantId, userId } = user;
  const list = (view: Parameters<BotData["listOpportunities"]>[1]) =>
    readAll((page) => data.listOpportunities(tenantId, view, page));
  if (user.manager) return list({ kind: "all" });
  const teamPipelines = user.settings.pipelines.filter(
    (p) => p.visibility === "team" && p.teamId !== null && user.viewer.teamIds.includes(p.teamId),
  );
  const lists = await Promise.all([
    list({ kind: "owner", ownerId: userId }),
    list({ kind: "owner", ownerId: userId, closed: true }),
    list({ kind: "following", userId }),
    ...teamPipelines.flatMap((pipeline) =>
      pipeline.stages.map((stage) =>
        list({ kind: "stage", pipelineId: pipeline.id, stage: stage.id }),
      ),
    ),
  ]);
  const unique = new Map(lists.flat().map((opportunity) => [opportunity.id, opportunity]));
  return [...unique.values()].filter((opportunity) =>
    canRead(user.viewer, opportunity, user.settings),
  );
};

const overdueTasks = async (data: BotData, user: BotUser, now: Date): Promise<Task[]> => {
  const owners = user.manager
    ? (await readAll((page) => data.listUsers(user.tenantId, page))).map((u) => u.id)
    : [user.userId];
  if (!owners.includes(user.userId)) owners.push(user.userId);
  const lists = await Promise.all(
    owners.map((ownerId) =>
      readAll((page) => data.listOpenTasksByOwner(user.tenantId, ownerId, { to: now }, page)),
    ),
  );
  return lists.flat();
};

/**
 * The overdue tasks `status` counts and `overdue` lists, so the two always agree: a manager's
 * are the team's, a seller's their own; in a channel linked to a pipeline, only the tasks of
 * that pipeline's (not discarded) opportunities the user may see.
 */
const tasksInScope = (
  tasks: readonly Task[],
  pipeline: Pipeline | undefined,
  inScope: ReadonlySet<string>,
): Task[] =>
  tasks.filter(
    (task) =>
      pipeline === undefined || (task.opportunityId !== null && inScope.has(task.opportunityId)),
  );

const countedIn = (opportunities: readonly Opportunity[], pipeline: Pipeline | undefined) =>
  opportunities.filter(
    (o) => (pipeline === undefined || o.pipelineId === pipeline.id) && o.status !== "discarded",
  );

const pipelineNamed = (user: BotUser, pipelineId: string | null): Pipeline | undefined =>
  pipelineId ? user.settings.pipelines.find((p) => p.id === pipelineId) : undefined;

/** SPEC §4.6 `overdue`: the overdue tasks of `status`'s scope, and that scope's pipeline. */
export const overdueInScope = async (
  data: BotData,
  user: BotUser,
  now: Date,
  pipelineId: string | null,
): Promise<{ tasks: Task[]; pipeline: Pipeline | null }> => {
  const pipeline = pipelineNamed(user, pipelineId);
  const tasks = await overdueTasks(data, user, now);
  if (pipeline === undefined) return { tasks, pipeline: null };
  const counted = countedIn(await visibleOpportunities(data, user), pipeline);
  return { tasks: tasksInScope(tasks, pipeline, new Set(counted.map((o) => o.id))), pipeline };
};

/**
 * SPEC §4.6 `status`: count and value per stage, overdue tasks, first-contact breaches and
 * the oldest waiting prospect, over what the user may see; in a channel linked to a
 * pipeline, over that pipeline only. Managers also see the undeliverable notifications and
 * the deadlines the sweep gave up on.
 */
export const summarizeStatus = async (
  data: BotData,
  user: BotUser,
  now: Date,
  pipelineId: string | null,
): Promise<StatusSummary> => {
  const pipeline = pipelineNamed(user, pipelineId);
  const [opportunities, tasks, deadLetters, failedDeadlines] = await Promise.all([
    visibleOpportunities(data, user),
    overdueTasks(data, user, now),
    user.manager ? data.countDeadLetters(user.tenantId) : Promise.resolve(null),
    user.manager ? data.countDeadDeadlines(user.tenantId) : Promise.resolve(null),
  ]);
  const counted = countedIn(opportunities, pipeline);
  const pipelines = pipeline ? [pipeline] : user.settings.pipelines;
  const stages = pipelines.flatMap((p) =>
    p.stages.map((stage) => {
      const here = counted.filter((o) => o.pipelineId === p.id && o.stage === stage.id);
      return {
        name: pipelines.length > 1 ? `${p.name} · ${stage.name}` : stage.name,
        count: here.length,
        values: here.flatMap((o) => (o.value ? [o.value] : [])),
      };
    }),
  );
  const waiting = counted
    .filter((o) => o.status === "open" && o.firstContact.state === "awaiting")
    .sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
  const oldest = waiting[0] ? redactHiddenContact(waiting[0]) : null;
  const scopedIds = new Set(counted.map((o) => o.id));
  return {
    pipelineName: pipeline?.name ?? null,
    stages,
    overdueTasks: tasksInScope(tasks, pipeline, scopedIds).length,
    // A hidden client's clock starts at the reveal (SPEC §4.4, §5): not a breach before.
    firstContactBreaches: waiting.filter(
      (o) =>
        !isContactHidden(o) &&
        now.getTime() > Date.parse(firstContactDueTimes(o, user.settings).targetAt),
    ).length,
    oldestWaiting: oldest ? { name: oldest.contact.name, receivedAt: oldest.receivedAt } : null,
    deadLetters,
    failedDeadlines,
  };
};
