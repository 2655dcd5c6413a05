import type { ConversationRecord, ConversationTarget, SendOutcome } from "@dealflow/bot";
import type { Activity, NotificationIntent } from "@dealflow/core";
import type { BotRuntime } from "../../bot/bot-runtime.js";
import type { CardRow, DeliveryLog } from "../../storage/messaging/delivery-log.js";
import type { Store } from "../../storage/store.js";
import { memoOnce } from "../memo.js";
import type { SubjectReads } from "../notification-channel.js";
import type { Delivery } from "../recipients.js";
import type { RenderContext } from "../render-card.js";
import {
  type CardWrites,
  cardWriteKey,
  type DeliverySnapshot,
  loadDeliverySnapshot,
} from "./delivery-snapshot.js";

/** How one recipient's delivery ended; only "failed" makes the intent retry. */
export type DeliveryResult = "sent" | "skipped" | "unreachable" | "gone" | "failed";

/** The merged card a send went into, recorded with its `dlv|sent` row. */
export type SentCard = CardRow;

/** What every delivery of one intent shares: the bot, the log and this process's card memory. */
export type BotDeliveryDeps = {
  store: Store;
  bot: BotRuntime;
  log: DeliveryLog;
  cardWrites: CardWrites;
};

/** One intent being delivered: what was read up front, and how a recipient sends and records. */
export type DeliveryRun = {
  deps: BotDeliveryDeps;
  notification: NotificationIntent;
  render: RenderContext;
  snapshot: DeliverySnapshot;
  /** The opportunity's recent activities, read once for every merged card that needs them. */
  recent: (ids: readonly string[]) => Promise<Activity[]>;
  channels: () => Promise<ConversationRecord[]>;
};

/** The `dlv|sent` key of a recipient: a user, or a team's channel. */
export const recipientKey = (delivery: Delivery): string =>
  delivery.to === "user"
    ? `user:${delivery.userId}`
    : `channel:${delivery.channel.target.scope === "channel" ? `${delivery.channel.target.teamId}:${delivery.channel.target.channelId}` : ""}`;

/** One connector call through the bot's pacing of the conversation. */
export const sendPaced = (
  run: DeliveryRun,
  conversationId: string,
  call: () => ReturnType<BotRuntime["connector"]["send"]>,
): Promise<SendOutcome> =>
  run.deps.bot.send({ tenantId: run.notification.tenantId, conversationId }, call);

/**
 * After the connector answered: a gone chat is deactivated; the `dlv|sent` row and the
 * merged card it went into are written in one transaction. "stale": the card row changed
 * since it was read, nothing was written.
 */
export const recordOutcome = async (
  run: DeliveryRun,
  key: string,
  target: ConversationTarget,
  outcome: SendOutcome,
  card?: SentCard,
): Promise<DeliveryResult | "stale"> => {
  const { store, log, cardWrites } = run.deps;
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
  // Only follower cards are read up front (the snapshot) and so need this process's memory.
  if (card && "opportunityId" in card && outcome.kind === "sent")
    cardWrites.wrote(cardWriteKey(tenantId, card.opportunityId, card.userId));
  if (!written) return "stale";
  return outcome.kind === "gone" ? "gone" : "sent";
};

/** A stale record outside a merge has nothing to redo: the intent retries. */
export const settled = (result: DeliveryResult | "stale"): DeliveryResult =>
  result === "stale" ? "failed" : result;

/**
 * Reads up front what the recipients need (see delivery-snapshot.ts) and the tenant's
 * settings, and sets up the shared reads: user names, the recent timeline; the opportunity and
 * the channels are those the audience was resolved with.
 */
export const startDeliveryRun = async (
  deps: BotDeliveryDeps,
  notification: NotificationIntent,
  now: Date,
  deliveries: readonly Delivery[],
  /** What resolving the audience read: the cards use the same opportunity and channels. */
  reads: SubjectReads,
): Promise<DeliveryRun> => {
  const { store, bot, log, cardWrites } = deps;
  const { tenantId } = notification;
  const [snapshot, settings] = await Promise.all([
    loadDeliverySnapshot({ store, log, cardWrites, reads }, tenantId, notification.id, deliveries),
    store.getSettings(tenantId),
  ]);
  const names = new Map<string, Promise<string | null>>();
  const render: RenderContext = {
    store,
    tenantId,
    settings,
    links: bot.links,
    now,
    user: snapshot.user,
    opportunity: reads.opportunity,
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
  return {
    deps,
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
    channels: reads.channels,
  };
};
