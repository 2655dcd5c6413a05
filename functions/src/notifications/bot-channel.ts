import type { BotRuntime } from "../bot/bot-runtime.js";
import type { DeliveryLog } from "../storage/messaging/delivery-log.js";
import type { Store } from "../storage/store.js";
import {
  type DeliveryResult,
  type DeliveryRun,
  recipientKey,
  startDeliveryRun,
} from "./bot-delivery/delivery-run.js";
import { createCardWrites } from "./bot-delivery/delivery-snapshot.js";
import {
  type EscalationDelivery,
  mergeEscalationCard,
} from "./bot-delivery/escalation-card-merge.js";
import { type FollowerDelivery, mergeFollowerCard } from "./bot-delivery/follower-card-merge.js";
import { createKeyedLock, type KeyedLock } from "./bot-delivery/keyed-lock.js";
import { deliverOfferUpdate, type OfferUpdateDelivery } from "./bot-delivery/offer-card-replace.js";
import { sendChannelCard, sendUserCard } from "./bot-delivery/send-card.js";
import { runSendPipeline } from "./bot-delivery/send-pipeline.js";
import { userConversation } from "./bot-delivery/user-conversation.js";
import type { NotificationChannel } from "./notification-channel.js";
import { type Delivery, resolveDeliveries } from "./recipients.js";

type UserDelivery = Extract<Delivery, { to: "user" }>;

/** Recipients of one intent waiting to send at once; the rate limiter, not this pool, paces them. */
const FAN_OUT = 64;

const isFollowerUpdate = (delivery: UserDelivery): delivery is FollowerDelivery =>
  delivery.card.kind === "follower-update";

const isEscalation = (delivery: UserDelivery): delivery is EscalationDelivery =>
  delivery.card.kind === "first-contact-escalation";

const isOfferUpdate = (delivery: UserDelivery): delivery is OfferUpdateDelivery =>
  delivery.card.kind === "offer" && delivery.card.replaces !== null;

/**
 * Picks the job for one recipient: a channel post, a merged follower card, a manager's merged
 * escalations, an offer's final state, or a new card.
 */
const deliverOne = async (
  run: DeliveryRun,
  lock: KeyedLock,
  delivery: Delivery,
  sent: () => void,
): Promise<DeliveryResult> => {
  const key = recipientKey(delivery);
  if (run.snapshot.alreadySent(key)) return "skipped";
  if (delivery.to === "channel") return sendChannelCard(run, delivery, key, sent);
  const reference = await userConversation(run.deps, {
    tenantId: run.notification.tenantId,
    userId: delivery.userId,
    now: run.render.now,
    snapshot: run.snapshot,
  });
  if (reference === null) return "unreachable";
  if (isFollowerUpdate(delivery)) {
    return mergeFollowerCard(run, lock, delivery, reference, key, sent);
  }
  if (isEscalation(delivery)) return mergeEscalationCard(run, lock, delivery, reference, key, sent);
  if (isOfferUpdate(delivery)) return deliverOfferUpdate(run, delivery, reference, key, sent);
  return sendUserCard(run, delivery, reference, key, sent);
};

/**
 * The bot as a notification channel. What the recipients need (their chats, users, follower
 * cards, who already has the intent) is read up front in range reads; then per recipient:
 * render, send, and record. Per recipient it is idempotent: the `dlv|sent` row is written
 * (with the card row, in one transaction) after the connector accepted the card, and checked
 * first, so a retried intent sends only to those it missed. A crash between the connector's
 * 201 and that write can repeat that one card (Teams has no idempotency key for POST
 * activities); nothing else repeats.
 */
export const createBotChannel = (deps: {
  store: Store;
  bot: BotRuntime;
  deliveryLog: DeliveryLog;
}): NotificationChannel => {
  const { store, bot, deliveryLog: log } = deps;
  const lock = createKeyedLock();
  const cardWrites = createCardWrites();

  return {
    name: "bot",
    async deliver(notification, ctx) {
      const { reads } = ctx;
      const deliveries = await resolveDeliveries(store, notification, reads);
      if (deliveries.length === 0) return;
      const run = await startDeliveryRun(
        { store, bot, log, cardWrites },
        notification,
        ctx.now,
        deliveries,
        reads,
      );
      const failures: string[] = [];
      await runSendPipeline(deliveries, FAN_OUT, async (delivery, sent) => {
        try {
          const result = await deliverOne(run, lock, delivery, sent);
          if (result === "failed") failures.push(recipientKey(delivery));
          if (result === "gone")
            ctx.log(`${recipientKey(delivery)}: conversation gone, reference deactivated`);
        } catch (error) {
          failures.push(
            `${recipientKey(delivery)} (${error instanceof Error ? error.message : String(error)})`,
          );
        } finally {
          sent();
        }
      });
      if (failures.length > 0) {
        throw new Error(
          `${failures.length} of ${deliveries.length} recipients not reached: ${failures.slice(0, 3).join(", ")}`,
        );
      }
    },
  };
};
