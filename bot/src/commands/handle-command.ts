import {
  type DomainError,
  isDomainError,
  type Locale,
  normalizeText,
  type Opportunity,
  redactHiddenActivity,
  redactHiddenText,
  type Task,
} from "@dealflow/core";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { md, ownMarkdown, text } from "../cards/adaptive-card.js";
import {
  helpCard,
  noticeCard,
  opportunityCard,
  statusCard,
  type TaskLine,
  taskListCard,
  teamOverdueCard,
} from "../cards/command-cards.js";
import type { LinkConfig } from "../cards/deep-link.js";
import { describeActivity, usersNamedBy } from "../cards/describe-activity.js";
import { showOpportunity, showTask } from "../cards/shown.js";
import type { Translate } from "../i18n/translate.js";
import { type BotData, type OpportunityChange, readAll } from "../ports/bot-data.js";
import type { ConversationPort } from "../ports/conversations.js";
import { type BotUser, nameBook, resolveBotUser, stageNameOf } from "./bot-user.js";
import { findOpportunity } from "./find-opportunity.js";
import type { BotCommand } from "./parse-command.js";
import { overdueInScope, summarizeStatus } from "./status-summary.js";

export type CommandRequest = {
  tenantId: string;
  userId: string;
  /** The language of the client (Teams' locale), for input that names none. */
  clientLocale: Locale;
  /** The team channel the message came from; null in personal and group chats. */
  channel: { teamId: string; channelId: string } | null;
  now: Date;
};

export type CommandDeps = { data: BotData; conversations: ConversationPort; links: LinkConfig };

/** The one place a domain error becomes words for the bot. */
export const errorText = (error: unknown, t: Translate): string => {
  if (!isDomainError(error)) return t("error.generic");
  const byCode: Partial<Record<DomainError["code"], Parameters<Translate>[0]>> = {
    forbidden: "error.forbidden",
    "not-found": "error.notFound",
    "invalid-state": "error.invalidState",
    conflict: "error.conflict",
  };
  return t(byCode[error.code] ?? "error.generic");
};

const byDue = (a: Task, b: Task) => Date.parse(a.dueAt) - Date.parse(b.dueAt);

const taskLines = async (
  data: BotData,
  user: BotUser,
  tasks: Task[],
  max = 25,
): Promise<TaskLine[]> => {
  const sorted = [...tasks].sort(byDue).slice(0, max);
  return Promise.all(
    sorted.map(async (task) => {
      const stored = task.opportunityId
        ? await data.getOpportunity(user.tenantId, task.opportunityId)
        : null;
      return { task: showTask(task, stored), opportunity: stored && showOpportunity(stored) };
    }),
  );
};

const describeOne = async (deps: CommandDeps, user: BotUser, found: Opportunity) => {
  const { data } = deps;
  const names = nameBook(data, user.tenantId);
  const [tasks, activities, read] = await Promise.all([
    readAll((page) => data.listTasksOfOpportunity(user.tenantId, found.id, page)),
    data.listActivities(user.tenantId, found.id, { limit: 1 }),
    data.getOpportunity(user.tenantId, found.id),
  ]);
  // The stored record says which words to take out of task titles and timeline lines
  // written with a hidden client's name ("Call: …", SPEC §4.4).
  const stored = read ?? found;
  const opportunity = showOpportunity(stored);
  const open =
    tasks
      .filter((task) => task.status === "open")
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null;
  const nextTask = open && showTask(open, stored);
  const last = activities.items[0] ? redactHiddenActivity(activities.items[0], stored) : null;
  const ids = [opportunity.ownerId, ...opportunity.followers, ...(last ? usersNamedBy(last) : [])];
  const resolved = new Map<string, string>();
  for (const id of ids) {
    const name = await names(id);
    if (id && name) resolved.set(id, name);
  }
  const lastActivity = last
    ? `${last.actorId ? (resolved.get(last.actorId) ?? user.t("someone")) : user.t("system")}: ${redactHiddenText(describeActivity(last, { ...user, names: resolved }), stored)}`
    : null;
  return opportunityCard(
    {
      opportunity,
      stageName: stageNameOf(user, opportunity),
      ownerName: opportunity.ownerId ? (resolved.get(opportunity.ownerId) ?? null) : null,
      followerNames: opportunity.followers.map((id) => resolved.get(id) ?? id),
      nextTask,
      lastActivity,
    },
    user,
    deps.links,
  );
};

const choices = (user: BotUser, query: string, opportunities: Opportunity[]): AdaptiveCard =>
  noticeCard(
    user.t("opp.ambiguous", { query }),
    opportunities.map((o) => {
      const shown = showOpportunity(o);
      return text(md`- ${shown.contact.name}: ${shown.title} (${ownMarkdown(`\`${o.id}\``)})`);
    }),
  );

const followCommand = async (
  deps: CommandDeps,
  user: BotUser,
  query: string,
  follow: boolean,
): Promise<AdaptiveCard> => {
  const found = await findOpportunity(deps.data, user, query);
  if (found.kind === "none") return noticeCard(user.t("opp.notFound", { query }));
  if (found.kind === "many") return choices(user, query, found.opportunities);
  const id = found.opportunity.id;
  let change: OpportunityChange;
  try {
    change = follow
      ? await deps.data.followOpportunity(user.viewer, id)
      : await deps.data.unfollowOpportunity(user.viewer, id);
  } catch (error) {
    // Gone (or out of sight) since it was found: the same answer as finding nothing.
    if (isDomainError(error) && error.code === "not-found") {
      return noticeCard(user.t("opp.notFound", { query }));
    }
    throw error;
  }
  const title = showOpportunity(change.opportunity).title;
  if (!change.changed) {
    return noticeCard(user.t(follow ? "follow.already" : "unfollow.notFollowing", { title }));
  }
  return noticeCard(user.t(follow ? "follow.done" : "unfollow.done", { title }));
};

const linkCommand = async (
  deps: CommandDeps,
  user: BotUser,
  request: CommandRequest,
  wanted: string,
): Promise<AdaptiveCard> => {
  // Checked here too, to answer in the user's words; the service checks them again.
  if (request.channel === null) return noticeCard(user.t("link.channelOnly"));
  if (!user.manager) return noticeCard(user.t("link.managersOnly"));
  const pipeline = user.settings.pipelines.find(
    (p) => p.id === wanted.trim() || normalizeText(p.name) === normalizeText(wanted),
  );
  if (!pipeline) return noticeCard(user.t("link.unknownPipeline", { pipeline: wanted }));
  await deps.data.linkChannel(user.viewer, request.channel, pipeline.id);
  return noticeCard(user.t("link.done", { pipeline: pipeline.name }));
};

/** How many of one owner's overdue tasks a manager's `overdue` shows (the card says the rest). */
const TASKS_PER_OWNER = 5;

/**
 * SPEC §4.6 `overdue`: the same tasks `status` counts. A seller's are their own; a manager's
 * the team's, grouped by owner, the owner of the most urgent task first; in a channel linked
 * to a pipeline, that pipeline's.
 */
const overdueCommand = async (
  deps: CommandDeps,
  user: BotUser,
  request: CommandRequest,
): Promise<AdaptiveCard> => {
  const { data } = deps;
  const channel = request.channel
    ? await deps.conversations.get(request.tenantId, { scope: "channel", ...request.channel })
    : null;
  const { tasks, pipeline } = await overdueInScope(
    data,
    user,
    request.now,
    channel?.pipelineId ?? null,
  );
  if (!user.manager) {
    const title = pipeline
      ? user.t("tasks.overduePipelineTitle", { pipeline: pipeline.name })
      : user.t("tasks.overdueTitle");
    return taskListCard(title, await taskLines(data, user, tasks), user);
  }
  const byOwner = new Map<string, Task[]>();
  for (const task of [...tasks].sort(byDue)) {
    byOwner.set(task.ownerId ?? "", [...(byOwner.get(task.ownerId ?? "") ?? []), task]);
  }
  const names = nameBook(data, user.tenantId);
  const groups = await Promise.all(
    [...byOwner].map(async ([ownerId, owned]) => ({
      ownerName: (ownerId ? await names(ownerId) : null) ?? user.t("tasks.unassigned"),
      count: owned.length,
      lines: await taskLines(data, user, owned, TASKS_PER_OWNER),
    })),
  );
  const title = pipeline
    ? user.t("tasks.overduePipelineTitle", { pipeline: pipeline.name })
    : user.t("tasks.teamOverdueTitle");
  return teamOverdueCard(title, tasks.length, groups, user);
};

/** A manager's answer given with seller powers says why, and how to get the whole picture. */
const withRoleNotice = (card: AdaptiveCard, user: BotUser): AdaptiveCard =>
  user.roleUnconfirmed
    ? { ...card, body: [...card.body, text(user.t("role.unconfirmed"), { isSubtle: true })] }
    : card;

/** Answers one command with a card; every answer respects what the user may read (SPEC §7). */
export const handleCommand = async (
  command: BotCommand,
  request: CommandRequest,
  deps: CommandDeps,
): Promise<AdaptiveCard> => {
  const locale = command.name === "unknown" ? request.clientLocale : command.locale;
  const user = await resolveBotUser(
    deps.data,
    request.tenantId,
    request.userId,
    locale,
    request.now,
  );
  const { data } = deps;
  try {
    switch (command.name) {
      case "help":
        return helpCard(user);
      case "unknown":
        return helpCard(user, command.text === "" ? null : command.text);
      case "status": {
        if (command.query !== null) {
          const found = await findOpportunity(data, user, command.query);
          if (found.kind === "none") {
            return noticeCard(user.t("opp.notFound", { query: command.query }));
          }
          if (found.kind === "many") return choices(user, command.query, found.opportunities);
          return await describeOne(deps, user, found.opportunity);
        }
        const channel = request.channel
          ? await deps.conversations.get(request.tenantId, { scope: "channel", ...request.channel })
          : null;
        const summary = await summarizeStatus(data, user, request.now, channel?.pipelineId ?? null);
        return withRoleNotice(statusCard(summary, user), user);
      }
      case "overdue":
        return withRoleNotice(await overdueCommand(deps, user, request), user);
      case "my-tasks": {
        const tasks = await readAll((page) =>
          data.listOpenTasksByOwner(user.tenantId, user.userId, {}, page),
        );
        return taskListCard(user.t("tasks.mineTitle"), await taskLines(data, user, tasks), user);
      }
      case "follow":
      case "unfollow":
        return await followCommand(deps, user, command.query, command.name === "follow");
      case "link":
        return await linkCommand(deps, user, request, command.pipeline);
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return noticeCard(errorText(error, user.t));
  }
};
