import {
  canRead,
  DAY_MS,
  HOUR_MS,
  isDomainError,
  type Locale,
  TASK_OUTCOMES,
  type Task,
  type TaskOutcome,
} from "@dealflow/core";
import type { AdaptiveCard, CardKind, CardVerb } from "../cards/adaptive-card.js";
import { noticeCard } from "../cards/command-cards.js";
import type { LinkConfig } from "../cards/deep-link.js";
import { followerUpdateCard, newOpportunityCard } from "../cards/notification-cards.js";
import { showOpportunity, showTask } from "../cards/shown.js";
import { doneFormProblem, taskReminderCard } from "../cards/task-reminder-card.js";
import { type BotUser, nameBook, resolveBotUser } from "../commands/bot-user.js";
import { errorText } from "../commands/handle-command.js";
import { tomorrowAt } from "../i18n/format.js";
import type { BotData } from "../ports/bot-data.js";
import type { ConversationPort } from "../ports/conversations.js";
import { parseOwnNextTask } from "./own-next-task.js";
import { handleRoutingAction, isRoutingAction } from "./routing-actions.js";

/** A Universal Action as it arrives (`value.action` of the invoke, or an Action.Submit's value). */
export type CardAction = { verb: CardVerb; card: CardKind; fields: Record<string, string> };

const VERBS: readonly CardVerb[] = [
  "refresh",
  "task.done",
  "task.snooze",
  "opportunity.unfollow",
  "opportunity.mute",
  "opportunity.unmute",
  "opportunity.claim",
  "offer.accept",
  "offer.decline",
  "routing.route",
];

/** Reads `{ verb, card, …ids, …inputs }`; null for anything that is not one of our actions. */
export const parseCardAction = (value: unknown): CardAction | null => {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  const inner = (record.action as { data?: unknown; verb?: unknown } | undefined) ?? null;
  const data = (inner?.data ?? record) as Record<string, unknown>;
  const verb = (inner?.verb ?? data.verb) as CardVerb;
  if (!VERBS.includes(verb) || typeof data.card !== "string") return null;
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(data)) {
    if (typeof field === "string") fields[name] = field;
  }
  return { verb, card: data.card as CardKind, fields };
};

export type ActionDeps = { data: BotData; links: LinkConfig; conversations: ConversationPort };

export type ActionRequest = {
  tenantId: string;
  userId: string;
  locale: Locale;
  /** The team channel the button was pressed in; null in personal and group chats. */
  channel: { teamId: string; channelId: string } | null;
  now: Date;
};

const snoozeTarget = (until: string | undefined, now: Date, timeZone: string): Date => {
  if (until === "1w") return new Date(now.getTime() + 7 * DAY_MS);
  if (until === "tomorrow") return tomorrowAt(now, timeZone, 9);
  return new Date(now.getTime() + HOUR_MS);
};

/** What the card says after an action: the task Done created, or why the form was refused. */
type ReminderAfter = { next: Task | null; problem: string | null };

/** Pages of an opportunity's tasks a refresh looks through for a done task's follow-up. */
const FOLLOW_UP_PAGES = 5;

/**
 * The open task a done task's completion created for the same owner (it is written with the
 * completion's own instant), so a card Teams refreshes later still says what comes next; null
 * once that task is done, moved to someone else or gone, when the completion created none, and
 * for a task on no opportunity.
 */
const followUpOf = async (deps: ActionDeps, task: Task): Promise<Task | null> => {
  if (task.status !== "done" || task.opportunityId === null || task.completedAt === null) {
    return null;
  }
  let cursor: string | null = null;
  for (let page = 0; page < FOLLOW_UP_PAGES; page++) {
    const found = await deps.data.listTasksOfOpportunity(task.tenantId, task.opportunityId, {
      cursor,
    });
    // Its own owner's: a first-contact record closes a helper's task and gives the
    // opportunity's owner the next one at the same instant, and an owner change moves it.
    const next = found.items.find(
      (item) =>
        item.id !== task.id &&
        item.status === "open" &&
        item.ownerId === task.ownerId &&
        item.createdAt === task.completedAt,
    );
    if (next !== undefined) return next;
    cursor = found.nextCursor;
    if (cursor === null) return null;
  }
  return null;
};

const taskCard = async (
  deps: ActionDeps,
  user: BotUser,
  taskId: string,
  when: string | undefined,
  after: ReminderAfter,
) => {
  const task = await deps.data.getTask(user.tenantId, taskId);
  if (!task) return noticeCard(user.t("error.notFound"));
  const opportunity = task.opportunityId
    ? await deps.data.getOpportunity(user.tenantId, task.opportunityId)
    : null;
  const visible =
    task.ownerId === user.userId ||
    (opportunity !== null && canRead(user.viewer, opportunity, user.settings)) ||
    user.manager;
  if (!visible) return noticeCard(user.t("error.notFound"));
  const names = nameBook(deps.data, user.tenantId);
  // Done answers with the task it created; a later refresh finds it again.
  const next = after.next ?? (after.problem === null ? await followUpOf(deps, task) : null);
  return taskReminderCard(
    {
      task: showTask(task, opportunity),
      opportunity: opportunity ? showOpportunity(opportunity) : null,
      when: when === "due-soon" || when === "snoozed" ? when : "due",
      doneByName: task.status === "done" ? await names(task.ownerId) : null,
      next: next === null ? null : showTask(next, opportunity),
      problem: after.problem,
    },
    user,
    deps.links,
  );
};

const opportunityCard = async (deps: ActionDeps, user: BotUser, action: CardAction) => {
  const id = action.fields.opportunityId ?? "";
  const opportunity = await deps.data.getOpportunity(user.tenantId, id);
  if (!opportunity || !canRead(user.viewer, opportunity, user.settings)) {
    // A claimer who cannot read the opportunity (owner visibility) still sees it claimed.
    if (!opportunity || opportunity.ownerId !== user.userId)
      return noticeCard(user.t("error.notFound"));
  }
  const shown = showOpportunity(opportunity);
  if (action.card === "new-opportunity") {
    const source = user.settings.sources.find((s) => s.id === shown.source)?.label ?? shown.source;
    const ownerName = await nameBook(deps.data, user.tenantId)(shown.ownerId);
    return newOpportunityCard(
      { opportunity: shown, ownerName, sourceLabel: source },
      user,
      deps.links,
    );
  }
  const state = !shown.followers.includes(user.userId)
    ? "unfollowed"
    : shown.mutedBy.includes(user.userId)
      ? "muted"
      : "following";
  return followerUpdateCard({ opportunity: shown, lines: [], state }, user, deps.links);
};

const rerender = (
  deps: ActionDeps,
  user: BotUser,
  action: CardAction,
  after: ReminderAfter,
): Promise<AdaptiveCard> =>
  action.card === "task-reminder"
    ? taskCard(
        deps,
        user,
        action.fields.taskId ?? "",
        action.verb === "task.snooze" ? "snoozed" : action.fields.when,
        after,
      )
    : opportunityCard(deps, user, action);

/** Unfollow, Mute, Unmute and Claim, through the services the API's own routes call. */
const runOpportunityVerb = async (
  deps: ActionDeps,
  user: BotUser,
  action: CardAction,
  request: ActionRequest,
): Promise<boolean> => {
  const id = action.fields.opportunityId ?? "";
  const { data } = deps;
  switch (action.verb) {
    case "opportunity.unfollow":
      return (await data.unfollowOpportunity(user.viewer, id)).changed;
    case "opportunity.mute":
      return (await data.muteOpportunity(user.viewer, id)).changed;
    case "opportunity.unmute":
      return (await data.unmuteOpportunity(user.viewer, id)).changed;
    case "opportunity.claim":
      return (await data.claimOpportunity(user.viewer, id, request.channel)).changed;
    default:
      return false;
  }
};

/**
 * Done and Snooze, through the same services as the agenda's Complete and edit. Done answers
 * the task its completion created (the own next task, or the outcome's follow-up), if any.
 */
const runTaskVerb = async (
  deps: ActionDeps,
  user: BotUser,
  action: CardAction,
  now: Date,
): Promise<Task | null> => {
  const taskId = action.fields.taskId ?? "";
  if (action.verb === "task.snooze") {
    const dueAt = snoozeTarget(action.fields.until, now, user.reader.timeZone);
    await deps.data.rescheduleTask(user.viewer, taskId, dueAt);
    return null;
  }
  const chosen = action.fields.outcome ?? "";
  const outcome = TASK_OUTCOMES.includes(chosen as TaskOutcome) ? (chosen as TaskOutcome) : null;
  const note = (action.fields.note ?? "").trim();
  const nextTask = parseOwnNextTask(action.fields, user.reader.timeZone);
  const done = await deps.data.completeTask(user.viewer, taskId, outcome, {
    note: note === "" ? null : note,
    nextTask,
  });
  return done.followUp;
};

/**
 * An `adaptiveCard/action` (or its Action.Submit fallback): the change goes through the same
 * service as the tab's, then the card is rebuilt from the stored state, so everyone who
 * looks at it (refresh) sees the new state. A refused change answers the card with the reason.
 */
export const handleCardAction = async (
  action: CardAction,
  request: ActionRequest,
  deps: ActionDeps,
): Promise<{ card: AdaptiveCard; changed: boolean }> => {
  const user = await resolveBotUser(
    deps.data,
    request.tenantId,
    request.userId,
    request.locale,
    request.now,
  );
  if (isRoutingAction(action)) return handleRoutingAction(action, user, deps, request.now);
  try {
    let changed = false;
    let next: Task | null = null;
    if (action.verb === "task.done" || action.verb === "task.snooze") {
      next = await runTaskVerb(deps, user, action, request.now);
      changed = true;
    } else if (action.verb !== "refresh") {
      changed = await runOpportunityVerb(deps, user, action, request);
    }
    return { card: await rerender(deps, user, action, { next, problem: null }), changed };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    // A Done form filled in wrong comes back as it was, saying which field to mend.
    const problem = action.verb === "task.done" ? doneFormProblem(error, user) : null;
    if (problem !== null) {
      return { card: await rerender(deps, user, action, { next: null, problem }), changed: false };
    }
    return { card: noticeCard(errorText(error, user.t)), changed: false };
  }
};
