import {
  answerOffer,
  type ChangeSet,
  type Contact,
  canRead,
  claimOpportunity,
  completeTask,
  createOpportunity,
  DomainError,
  defaultSettings,
  followOpportunity,
  muteOpportunity,
  normalizeText,
  type Offer,
  type Opportunity,
  type Outcome,
  type RoutingTarget,
  rescheduleTask,
  type Settings,
  sendOffers,
  type Task,
  type UseCaseContext,
  type User,
  ulidGenerator,
  unfollowOpportunity,
  unmuteOpportunity,
  type Viewer,
  withPreferences,
} from "@dealflow/core";
import type { BotData, BotOpportunityView, Page } from "../ports/bot-data.js";
import type { ConversationPort, ConversationRecord } from "../ports/conversations.js";

/**
 * The bot's data port held in memory, for the bot's own unit tests only: the Table Storage
 * implementation is tested against Azurite (functions/, tests/bot-*.test.ts).
 */
export const createInMemoryBotData = (seed: {
  users?: User[];
  opportunities?: Opportunity[];
  tasks?: Task[];
  contacts?: Contact[];
  settings?: Settings;
  targets?: RoutingTarget[];
  offers?: Offer[];
  now?: () => Date;
}) => {
  const opportunities = new Map((seed.opportunities ?? []).map((o) => [o.id, o]));
  const tasks = new Map((seed.tasks ?? []).map((t) => [t.id, t]));
  const users = new Map((seed.users ?? []).map((u) => [u.id, u]));
  const contacts = seed.contacts ?? [];
  const targets = new Map((seed.targets ?? []).map((t) => [t.id, t]));
  const offers = new Map((seed.offers ?? []).map((o) => [o.id, o]));
  const commits: ChangeSet[] = [];
  const settings = () => seed.settings ?? defaultSettings();
  const ids = ulidGenerator();
  const contextOf = (viewer: Viewer): UseCaseContext => ({
    now: seed.now?.() ?? new Date(),
    actor: viewer,
    tenantId: viewer.tenantId,
    settings: settings(),
    ids,
  });
  const catalog = () => ({
    targets: [...targets.values()],
    openOffers: [...offers.values()].filter((o) => o.status === "pending"),
  });
  const offersOf = (opportunityId: string) =>
    [...offers.values()].filter((o) => o.opportunityId === opportunityId);
  const page = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });
  const taskOf = (taskId: string) => {
    const task = tasks.get(taskId);
    if (!task) throw new DomainError("not-found", "The task does not exist.");
    const opportunity = task.opportunityId ? (opportunities.get(task.opportunityId) ?? null) : null;
    return { task, opportunity };
  };
  const matches = (o: Opportunity, view: BotOpportunityView): boolean => {
    switch (view.kind) {
      case "all":
        return true;
      case "first-contact":
        return o.firstContact.state === "awaiting" && (!view.ownerId || o.ownerId === view.ownerId);
      case "owner":
        return o.ownerId === view.ownerId && (o.status !== "open") === (view.closed ?? false);
      case "stage":
        return o.pipelineId === view.pipelineId && o.stage === view.stage;
      case "following":
        return o.followers.includes(view.userId);
      case "contact":
        return o.contact.id === view.contactId;
    }
  };
  const ownChange = async (
    viewer: Viewer,
    opportunityId: string,
    rule: (input: { opportunity: Opportunity }, ctx: UseCaseContext) => Outcome<Opportunity>,
  ) => {
    const opportunity = opportunities.get(opportunityId);
    if (!opportunity || !canRead(viewer, opportunity, settings())) {
      throw new DomainError("not-found", "The opportunity does not exist.");
    }
    const outcome = rule({ opportunity }, contextOf(viewer));
    if (outcome.changes.length > 0) await commit(viewer.tenantId, outcome);
    return { opportunity: outcome.value, changed: outcome.changes.length > 0 };
  };
  const channels = new Map<string, ConversationRecord>();
  const keyOf = (target: ConversationRecord["target"]) => JSON.stringify(target);
  const commit = async (_t: string, changeSet: ChangeSet) => {
    commits.push(changeSet);
    for (const change of changeSet.changes) {
      if (change.entity === "opportunity" && change.after)
        opportunities.set(change.after.id, change.after);
      if (change.entity === "task" && change.after) tasks.set(change.after.id, change.after);
      if (change.entity === "offer" && change.after) offers.set(change.after.id, change.after);
    }
  };
  const data: BotData = {
    getOpportunity: async (_t, id) => opportunities.get(id) ?? null,
    listOpportunities: async (_t, view) =>
      page([...opportunities.values()].filter((o) => matches(o, view))),
    searchOpportunities: async (viewer, text, { skip, count }) =>
      [...opportunities.values()]
        .filter(
          (o) =>
            canRead(viewer, o, settings()) &&
            normalizeText(`${o.title} ${o.contact.name}`).includes(normalizeText(text)),
        )
        .slice(skip, skip + count)
        .map((opportunity) => ({ opportunity, nextTask: null })),
    async createOpportunity(viewer, input) {
      const outcome = createOpportunity(
        { ...input, ownerId: viewer.userId, origin: "manual" },
        contextOf(viewer),
      );
      await commit(viewer.tenantId, outcome);
      return outcome.value;
    },
    searchContacts: async (_t, query) =>
      contacts.filter(
        (c) =>
          normalizeText(c.name).includes(normalizeText(query)) ||
          normalizeText(c.company ?? "").startsWith(normalizeText(query)),
      ),
    getTask: async (_t, id) => tasks.get(id) ?? null,
    listOpenTasksByOwner: async (_t, ownerId, window) =>
      page(
        [...tasks.values()].filter(
          (t) =>
            t.ownerId === ownerId &&
            t.status === "open" &&
            (!window.to || Date.parse(t.dueAt) < window.to.getTime()) &&
            (!window.from || Date.parse(t.dueAt) >= window.from.getTime()),
        ),
      ),
    listTasksOfOpportunity: async (_t, id) =>
      page([...tasks.values()].filter((t) => t.opportunityId === id)),
    getContact: async (_t, id) => contacts.find((c) => c.id === id) ?? null,
    listActivities: async () => page([]),
    getUser: async (_t, id) => users.get(id) ?? null,
    listUsers: async () => page([...users.values()]),
    getSettings: async () => settings(),
    countDeadLetters: async () => 2,
    countDeadDeadlines: async () => 3,
    getOffer: async (_t, id) => offers.get(id) ?? null,
    listOffersOfOpportunity: async (_t, id) => offersOf(id),
    getRoutingTarget: async (_t, id) => targets.get(id) ?? null,
    // The same core use cases as functions' services, without their storage retries.
    async answerOffer(viewer, offerId, answer) {
      const offer = offers.get(offerId);
      const opportunity = offer ? opportunities.get(offer.opportunityId) : undefined;
      if (!offer || !opportunity) throw new DomainError("not-found", "The offer does not exist.");
      const outcome = answerOffer(
        { offer, opportunity, offers: offersOf(opportunity.id), answer, catalog: catalog() },
        contextOf(viewer),
      );
      if (outcome.changes.length > 0) await commit(viewer.tenantId, outcome);
      return outcome.value;
    },
    async routeTo(viewer, opportunityId, targetId) {
      const opportunity = opportunities.get(opportunityId);
      if (!opportunity || !canRead(viewer, opportunity, settings())) {
        throw new DomainError("not-found", "The opportunity does not exist.");
      }
      const outcome = sendOffers(
        {
          mode: "manual",
          targetId,
          criteria: {},
          opportunity,
          offers: offersOf(opportunityId),
          catalog: catalog(),
        },
        contextOf(viewer),
      );
      if (outcome.changes.length > 0) await commit(viewer.tenantId, outcome);
      return outcome.value;
    },
    async completeTask(viewer, taskId, chosen, extra = {}) {
      const { task, opportunity } = taskOf(taskId);
      const contact = contacts.find((c) => c.id === task.contactId) ?? null;
      const openTasks = [...tasks.values()].filter(
        (t) => t.contactId === task.contactId && t.status === "open",
      );
      const outcome = completeTask(
        { task, outcome: chosen, contact, opportunity, openTasks, ...extra },
        contextOf(viewer),
      );
      await commit(viewer.tenantId, outcome);
      return outcome.value;
    },
    followOpportunity: (viewer, id) => ownChange(viewer, id, followOpportunity),
    unfollowOpportunity: (viewer, id) => ownChange(viewer, id, unfollowOpportunity),
    muteOpportunity: (viewer, id) => ownChange(viewer, id, muteOpportunity),
    unmuteOpportunity: (viewer, id) => ownChange(viewer, id, unmuteOpportunity),
    async linkChannel(_viewer, channel, pipelineId) {
      const record = channels.get(keyOf({ scope: "channel", ...channel }));
      if (record) channels.set(keyOf(record.target), { ...record, pipelineId });
    },
    async claimOpportunity(viewer, opportunityId, channel) {
      const opportunity = opportunities.get(opportunityId);
      const linked =
        channel === null ? null : channels.get(keyOf({ scope: "channel", ...channel }));
      const reachable =
        opportunity !== undefined &&
        (canRead(viewer, opportunity, settings()) ||
          (linked?.active === true && linked.pipelineId === opportunity.pipelineId));
      if (!opportunity || !reachable || users.get(viewer.userId)?.active !== true) {
        throw new DomainError("not-found", "The opportunity does not exist.");
      }
      const outcome = claimOpportunity({ opportunity }, contextOf(viewer));
      await commit(viewer.tenantId, outcome);
      return { opportunity: outcome.value, changed: outcome.changes.length > 0 };
    },
    async recordPreferences(person, preferences) {
      const user = users.get(person.userId);
      const after = user && withPreferences(user, preferences);
      if (after) users.set(after.id, after);
    },
    async rescheduleTask(viewer, taskId, dueAt) {
      const { task, opportunity } = taskOf(taskId);
      const outcome = rescheduleTask({ task, opportunity, dueAt }, contextOf(viewer));
      await commit(viewer.tenantId, outcome);
      return outcome.value;
    },
  };
  const conversations: ConversationPort = {
    save: async (record) => {
      channels.set(keyOf(record.target), record);
    },
    get: async (_t, target) => channels.get(keyOf(target)) ?? null,
    deactivate: async (_t, target, reason) => {
      const record = channels.get(keyOf(target));
      if (record)
        channels.set(keyOf(target), { ...record, active: false, deactivatedReason: reason });
    },
    listChannels: async () => [...channels.values()].filter((r) => r.target.scope === "channel"),
  };
  return { data, conversations, commits, opportunities, tasks, offers, saved: channels };
};
