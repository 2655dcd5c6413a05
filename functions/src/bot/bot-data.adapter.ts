import type { BotData } from "@dealflow/bot";
import { linkChannel } from "../features/channels/index.js";
import { contactDirectory } from "../features/contact/index.js";
import {
  claimOpportunity,
  createOpportunity,
  searchOpportunities,
} from "../features/opportunity/index.js";
import {
  followOpportunity,
  muteOpportunity,
  unfollowOpportunity,
  unmuteOpportunity,
} from "../features/roles/index.js";
import { answerOffer, offersOfOpportunity, routeOpportunity } from "../features/routing/index.js";
import { completeTask, updateTask } from "../features/task/index.js";
import { recordPreferences } from "../features/user/index.js";
import { teamsThatMatter } from "../identity/user-teams.js";
import type { DeliveryLog } from "../storage/messaging/delivery-log.js";
import type { Store } from "../storage/store.js";

/**
 * The bot's data port over the store; commits go through the same outbox as the API's, and
 * the routing buttons run the API routes' own services (same checks, same retries).
 */
export const botDataOf = (
  store: Store,
  deliveryLog: DeliveryLog,
  clock: () => Date,
  contacts = contactDirectory(store),
): BotData => ({
  getOpportunity: (tenantId, id) => store.getOpportunity(tenantId, id),
  listOpportunities: (tenantId, view, page) => store.listOpportunities(tenantId, view, page),
  searchOpportunities: (viewer, text, page) => searchOpportunities({ store }, viewer, text, page),
  createOpportunity: async (viewer, input) =>
    (
      await createOpportunity({ store, clock }, viewer, {
        contact: input.contact,
        source: input.source,
        note: input.note,
        ownerId: viewer.userId,
        origin: "manual",
      })
    ).opportunity,
  searchContacts: (tenantId, query, limit) => contacts.search(tenantId, query, limit),
  getTask: (tenantId, id) => store.getTask(tenantId, id),
  listOpenTasksByOwner: (tenantId, ownerId, window, page) =>
    store.listOpenTasksByOwner(tenantId, ownerId, window, page),
  listTasksOfOpportunity: (tenantId, id, page) => store.listTasksOfOpportunity(tenantId, id, page),
  getContact: (tenantId, id, via) => contacts.get(tenantId, id, via),
  listActivities: (tenantId, id, page) => store.listActivities(tenantId, id, page),
  // The bot's viewer gets the user's teams as they are now (SPEC §7), by the API's one rule.
  getUser: async (tenantId, id) => {
    const [user, teamIds] = await Promise.all([
      store.getUser(tenantId, id),
      teamsThatMatter(store, tenantId, id),
    ]);
    return user === null ? null : { ...user, teamIds };
  },
  listUsers: (tenantId, page) => store.listUsers(tenantId, page),
  getSettings: (tenantId) => store.getSettings(tenantId),
  countDeadLetters: (tenantId) => deliveryLog.countDeadLetters(tenantId),
  countDeadDeadlines: (tenantId) => store.sweep.deadLetters.count(tenantId),
  getOffer: (tenantId, id) => store.getOffer(tenantId, id),
  listOffersOfOpportunity: (tenantId, id) => offersOfOpportunity(store, tenantId, id),
  getRoutingTarget: (tenantId, id) => store.getRoutingTarget(tenantId, id),
  answerOffer: async (viewer, offerId, answer) =>
    (await answerOffer({ store, clock }, viewer, offerId, answer)).offer,
  routeTo: async (viewer, opportunityId, targetId) =>
    (
      await routeOpportunity({ store, clock }, viewer, opportunityId, {
        mode: "manual",
        targetId,
        criteria: {},
      })
    ).offers,
  completeTask: async (viewer, taskId, outcome, extra) => {
    const done = await completeTask({ store, clock }, viewer, taskId, outcome, undefined, extra);
    return { task: done.task, followUp: done.followUp };
  },
  recordPreferences: async (person, preferences) => {
    await recordPreferences({ store }, person, preferences);
  },
  rescheduleTask: async (viewer, taskId, dueAt) =>
    (await updateTask({ store, clock }, viewer, taskId, { dueAt })).task,
  linkChannel: async (viewer, channel, pipelineId) => {
    await linkChannel({ store, clock }, viewer, channel, pipelineId);
  },
  claimOpportunity: (viewer, opportunityId, channel) =>
    claimOpportunity({ store, clock }, viewer, opportunityId, channel),
  followOpportunity: (viewer, id) => followOpportunity({ store, clock }, viewer, id),
  unfollowOpportunity: (viewer, id) => unfollowOpportunity({ store, clock }, viewer, id),
  muteOpportunity: (viewer, id) => muteOpportunity({ store, clock }, viewer, id),
  unmuteOpportunity: (viewer, id) => unmuteOpportunity({ store, clock }, viewer, id),
});
