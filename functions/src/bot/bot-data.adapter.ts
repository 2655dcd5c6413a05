import type { BotData } from "@dealflow/bot";
import { contactDirectory } from "../api/contacts/contact-directory.js";
import { answerOfferAs } from "../api/offers/answer-offer.service.js";
import { routeOpportunityAs } from "../api/routing/route-opportunity.service.js";
import { offersOfOpportunity } from "../api/routing/routing-catalog.js";
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
  searchContacts: (tenantId, query, limit) => contacts.search(tenantId, query, limit),
  getTask: (tenantId, id) => store.getTask(tenantId, id),
  listOpenTasksByOwner: (tenantId, ownerId, window, page) =>
    store.listOpenTasksByOwner(tenantId, ownerId, window, page),
  listTasksOfOpportunity: (tenantId, id, page) => store.listTasksOfOpportunity(tenantId, id, page),
  listOpenTasksOfContact: (tenantId, id, page) => store.listOpenTasksOfContact(tenantId, id, page),
  getContact: (tenantId, id, via) => contacts.get(tenantId, id, via),
  listActivities: (tenantId, id, page) => store.listActivities(tenantId, id, page),
  getUser: (tenantId, id) => store.getUser(tenantId, id),
  listUsers: (tenantId, page) => store.listUsers(tenantId, page),
  getSettings: (tenantId) => store.getSettings(tenantId),
  commit: (tenantId, changeSet) => store.commit(tenantId, changeSet),
  countDeadLetters: (tenantId) => deliveryLog.countDeadLetters(tenantId),
  getOffer: (tenantId, id) => store.getOffer(tenantId, id),
  listOffersOfOpportunity: (tenantId, id) => offersOfOpportunity(store, tenantId, id),
  getRoutingTarget: (tenantId, id) => store.getRoutingTarget(tenantId, id),
  answerOffer: async (viewer, offerId, answer) =>
    (await answerOfferAs({ store, clock }, viewer, offerId, answer)).offer,
  routeTo: async (viewer, opportunityId, targetId) =>
    (
      await routeOpportunityAs({ store, clock }, viewer, opportunityId, {
        mode: "manual",
        targetId,
        criteria: {},
      })
    ).offers,
});
