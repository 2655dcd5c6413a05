import { showOpportunity } from "@dealflow/bot";
import { type NotificationIntent, type Opportunity, offerSentNotificationId } from "@dealflow/core";
import { offersOfOpportunity } from "../features/routing/index.js";
import { allUsers } from "../storage/all-users.js";
import type { Store } from "../storage/store.js";
import { type Delivery, linkedChannels, managersOf } from "./recipients.js";

type OfferNotification = Extract<NotificationIntent, { type: "offer-sent" | "offer-closed" }>;
type ChoiceNotification = Extract<NotificationIntent, { type: "choose-another-target" }>;

/**
 * SPEC §4.5: an offer's card goes to the offer's user only. A card delivered after its offer
 * was already answered is not sent (its `offer-closed` follows); a closed offer updates the
 * card sent before (`replaces`), and the bot channel skips it when none was.
 */
export const offerDeliveries = async (
  store: Store,
  notification: OfferNotification,
): Promise<Delivery[]> => {
  const offer = await store.getOffer(notification.tenantId, notification.offerId);
  if (offer === null) return [];
  if (notification.type === "offer-sent" && offer.status !== "pending") return [];
  const replaces =
    notification.type === "offer-closed" ? offerSentNotificationId(notification.offerId) : null;
  return [{ to: "user", userId: offer.userId, card: { kind: "offer", offer, replaces } }];
};

/**
 * SPEC §4.5 "choose another target": every manager personally and every channel linked to the
 * opportunity's pipeline. Stale prompts are dropped: the opportunity closed, or someone has
 * routed it again or a target accepted since the round ended.
 */
export const routingChoiceDeliveries = async (
  store: Store,
  stored: Opportunity,
  notification: ChoiceNotification,
): Promise<Delivery[]> => {
  const { tenantId } = notification;
  if (stored.status !== "open") return [];
  const offers = await offersOfOpportunity(store, tenantId, stored.id);
  if (offers.some((offer) => offer.status === "pending" || offer.status === "accepted")) return [];
  const [users, settings, channels] = await Promise.all([
    allUsers(store, tenantId),
    store.getSettings(tenantId),
    linkedChannels(store, tenantId, stored.pipelineId),
  ]);
  const managerIds = managersOf(users, settings);
  const card = {
    kind: "choose-another-target",
    opportunity: showOpportunity(stored),
    proposedTargetIds: notification.proposedTargetIds,
    managerIds,
  } as const;
  return [
    ...managerIds.map((userId): Delivery => ({ to: "user", userId, card })),
    ...channels.map((channel): Delivery => ({ to: "channel", channel, card })),
  ];
};
