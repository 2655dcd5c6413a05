import {
  type AdaptiveCard,
  type ConversationRecord,
  type ConversationReference,
  type ConversationTarget,
  isConversationReference,
  type SendOutcome,
} from "@dealflow/bot";
import type { Activity, NotificationIntent } from "@dealflow/core";
import type { BotRuntime } from "../bot/bot-runtime.js";
import type { Store } from "../storage/store.js";
import type { CardRecord, DeliveryLog } from "./delivery-log.js";
import {
  cardWriteKey,
  createCardWrites,
  type DeliverySnapshot,
  loadDeliverySnapshot,
} from "./delivery-snapshot.js";
import { createKeyedLock } from "./keyed-lock.js";
import type { NotificationChannel } from "./notification-channel.js";
import { replaceOfferCard } from "./offer-card-update.js";
import { type Delivery, resolveDeliveries } from "./recipients.js";
import { type RenderContext, readerFor, renderCard } from "./render-card.js";
import { runSendPipeline } from "./send-pipeline.js";
import { userConversation } from "./user-conversation.js";

type Result = "sent" | "skipped" | "unreachable" | "gone" | "failed";

/** Recipients of one intent waiting to send at once; the rate limiter, not this pool, paces them. */
const FAN_OUT = 64;

const recipientKey = (delivery: Delivery): string =>
  delivery.to === "user"
    ? `user:${delivery.userId}`
    : `channel:${delivery.channel.target.scope === "channel" ? `${delivery.channel.target.teamId}:${delivery.channel.target.channelId}` : ""}`;

/** One intent being delivered: what was read up front, and how a recipient reports its send. */
type Run = {
  notification: NotificationIntent;
  render: RenderContext;
  snapshot: DeliverySnapshot;
  /** The opportunity's recent activities, read once for every merged card that needs them. */
  recent: (ids: readonly string[]) => Promise<Activity[]>;
  channels: () => Promise<ConversationRecord[]>;
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

  const send = (
    tenantId: string,
    conversationId: string,
    call: () => ReturnType<BotRuntime["connector"]["send"]>,
  ) => bot.send({ tenantId, conversationId }, call);

  /**
   * After the connector answered: a gone chat is deactivated; the `dlv|sent` row and the
   * follower card it went into are written in one transaction. "stale": the card row changed
   * since it was read, nothing was written.
   */
  const record = async (
    run: Run,
    key: string,
    target: ConversationTarget,
    outcome: SendOutcome,
    card?: { opportunityId: string; userId: string; card: CardRecord },
  ): Promise<Result | "stale"> => {
    const { tenantId, id } = run.notification;
    if (outcome.kind === "failed") return "failed";
    if (outcome.kind === "gone") {
      // The user removed or blocked the app: stop using the reference, and never retry it.
      await store.conversations.deactivate(tenantId, target, outcome.code, run.render.now);
    }
    const written = await log.recordSent(
      tenantId,
      id,
      key,
      { activityId: outcome.kind === "sent" ? outcome.id : null, at: run.render.now.toISOString() },
      outcome.kind === "sent" ? card : undefined,
    );
    if (card && outcome.kind === "sent")
      cardWrites.wrote(cardWriteKey(tenantId, card.opportunityId, card.userId));
    if (!written) return "stale";
    return outcome.kind === "gone" ? "gone" : "sent";
  };

  /** A follower card merges into the previous one of the same opportunity inside the window. */
  const coalesced = async (
    run: Run,
    delivery: Extract<Delivery, { to: "user" }> & {
      card: { kind: "follower-update"; activity: Activity };
    },
    reference: ConversationReference,
    key: string,
    sent: () => void,
  ): Promise<Result> => {
    const { tenantId } = run.notification;
    const { render } = run;
    const { opportunity, activity } = delivery.card;
    const { userId } = delivery;
    const reader = await readerFor(render, userId);
    const target: ConversationTarget = { scope: "user", userId };
    return lock(cardWriteKey(tenantId, opportunity.id, userId), async () => {
      for (let round = 0; round < 3; round++) {
        const known = round === 0 ? run.snapshot.card(opportunity.id, userId) : undefined;
        const previous =
          known === undefined ? await log.getCard(tenantId, opportunity.id, userId) : known;
        const fresh =
          previous !== null &&
          previous.conversationId === reference.conversationId &&
          render.now.getTime() - Date.parse(previous.firstSentAt) < bot.coalesceMs;
        if (previous && fresh) {
          if (previous.activityIds.includes(activity.id)) {
            sent();
            const result = await record(run, key, target, {
              kind: "sent",
              id: previous.activityId,
            });
            return result === "stale" ? "failed" : result;
          }
          const ids = [...previous.activityIds, activity.id];
          const merged = (await run.recent(previous.activityIds)).filter((item) =>
            ids.includes(item.id),
          );
          if (!merged.some((item) => item.id === activity.id)) merged.push(activity);
          const card = await renderCard(delivery.card, render, reader, merged);
          const outcome = await send(tenantId, reference.conversationId, () =>
            bot.connector.update(
              reference.serviceUrl,
              reference.conversationId,
              previous.activityId,
              card,
            ),
          );
          if (outcome.kind === "sent") {
            sent();
            const result = await record(
              run,
              key,
              target,
              { kind: "sent", id: previous.activityId },
              { opportunityId: opportunity.id, userId, card: { ...previous, activityIds: ids } },
            );
            if (result === "stale") continue;
            return result;
          }
          if (outcome.kind === "gone") {
            sent();
            const result = await record(run, key, target, outcome);
            return result === "stale" ? "failed" : result;
          }
          // The old card is gone (deleted message) or cannot be edited: post a new one.
          if (outcome.status !== 404 && outcome.status !== 400) return "failed";
        }
        const card = await renderCard(delivery.card, render, reader, [activity]);
        const outcome = await send(tenantId, reference.conversationId, () =>
          bot.connector.send(reference.serviceUrl, reference.conversationId, card),
        );
        sent();
        const result = await record(
          run,
          key,
          target,
          outcome,
          outcome.kind === "sent" && outcome.id
            ? {
                opportunityId: opportunity.id,
                userId,
                // Written unconditionally, as a new card replaces whatever row was there.
                card: {
                  conversationId: reference.conversationId,
                  serviceUrl: reference.serviceUrl,
                  activityId: outcome.id,
                  firstSentAt: render.now.toISOString(),
                  activityIds: [activity.id],
                },
              }
            : undefined,
        );
        return result === "stale" ? "failed" : result;
      }
      return "failed";
    });
  };

  const deliverOne = async (run: Run, delivery: Delivery, sent: () => void): Promise<Result> => {
    const { tenantId } = run.notification;
    const { render } = run;
    const key = recipientKey(delivery);
    if (run.snapshot.alreadySent(key)) return "skipped";
    if (delivery.to === "channel") {
      const reference = delivery.channel.reference;
      if (!isConversationReference(reference)) return "unreachable";
      const card: AdaptiveCard = await renderCard(delivery.card, render, {
        locale: render.settings.locale,
        timeZone: render.settings.timeZone,
      });
      const outcome = await send(tenantId, reference.conversationId, () =>
        bot.connector.send(reference.serviceUrl, reference.conversationId, card),
      );
      sent();
      const result = await record(run, key, delivery.channel.target, outcome);
      return result === "stale" ? "failed" : result;
    }
    const reference = await userConversation(
      { store, bot },
      {
        tenantId,
        userId: delivery.userId,
        now: render.now,
        snapshot: run.snapshot,
        channels: run.channels,
      },
    );
    if (reference === null) return "unreachable";
    if (delivery.card.kind === "follower-update") {
      return coalesced(run, { ...delivery, card: delivery.card }, reference, key, sent);
    }
    if (delivery.card.kind === "offer" && delivery.card.replaces !== null) {
      const { card, userId } = delivery;
      const settled = await replaceOfferCard({
        log,
        tenantId,
        replaces: delivery.card.replaces,
        recipient: key,
        render: async () => renderCard(card, render, await readerFor(render, userId)),
        update: (activityId, updated) =>
          send(tenantId, reference.conversationId, () =>
            bot.connector.update(
              reference.serviceUrl,
              reference.conversationId,
              activityId,
              updated,
            ),
          ),
      });
      if (settled === null) return "skipped";
      sent();
      const result = await record(run, key, { scope: "user", userId }, settled);
      return result === "stale" ? "failed" : result;
    }
    const card = await renderCard(delivery.card, render, await readerFor(render, delivery.userId));
    const outcome = await send(tenantId, reference.conversationId, () =>
      bot.connector.send(reference.serviceUrl, reference.conversationId, card),
    );
    sent();
    const result = await record(run, key, { scope: "user", userId: delivery.userId }, outcome);
    return result === "stale" ? "failed" : result;
  };

  const memoOnce = <T>(load: () => Promise<T>) => {
    let value: Promise<T> | null = null;
    return () => {
      value ??= load();
      return value;
    };
  };

  return {
    name: "bot",
    async deliver(notification, ctx) {
      const { tenantId } = notification;
      const deliveries = await resolveDeliveries(store, notification);
      if (deliveries.length === 0) return;
      const [snapshot, settings] = await Promise.all([
        loadDeliverySnapshot({ store, log, cardWrites }, tenantId, notification.id, deliveries),
        store.getSettings(tenantId),
      ]);
      const names = new Map<string, Promise<string | null>>();
      const render: RenderContext = {
        store,
        tenantId,
        settings,
        links: bot.links,
        now: ctx.now,
        user: snapshot.user,
        names: (userId) => {
          if (userId === null) return Promise.resolve(null);
          let name = names.get(userId);
          if (!name) {
            name = snapshot.user(userId).then((user) => user?.name ?? null);
            names.set(userId, name);
          }
          return name;
        },
      };
      const opportunityId = notification.opportunityId;
      const readRecent = () =>
        opportunityId
          ? store.listActivities(tenantId, opportunityId, { limit: 100 }).then((page) => page.items)
          : Promise.resolve([]);
      let recent = memoOnce(readRecent);
      const run: Run = {
        notification,
        render,
        snapshot,
        // Read once; again only if a card names an activity newer than that read.
        async recent(ids) {
          const items = await recent();
          if (ids.every((id) => items.some((item) => item.id === id))) return items;
          recent = memoOnce(readRecent);
          return recent();
        },
        channels: memoOnce(() => store.conversations.listChannels(tenantId)),
      };
      const failures: string[] = [];
      await runSendPipeline(deliveries, FAN_OUT, async (delivery, sent) => {
        try {
          const result = await deliverOne(run, delivery, sent);
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
