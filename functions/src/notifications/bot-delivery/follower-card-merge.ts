import type { ConversationReference, ConversationTarget } from "@dealflow/bot";
import type { Activity } from "@dealflow/core";
import type { Delivery } from "../recipients.js";
import { readerFor, renderCard } from "../render-card.js";
import {
  type DeliveryResult,
  type DeliveryRun,
  recordOutcome,
  sendPaced,
  settled,
} from "./delivery-run.js";
import { cardWriteKey } from "./delivery-snapshot.js";
import type { KeyedLock } from "./keyed-lock.js";

export type FollowerDelivery = Extract<Delivery, { to: "user" }> & {
  card: { kind: "follower-update"; activity: Activity };
};

/** Times a merge re-reads a card that another delivery changed under it before giving up. */
const MERGE_ROUNDS = 3;

/**
 * SPEC §4.6: changes to one opportunity within the window (NOTIFY_COALESCE_SECONDS of the
 * card's first send) merge into the card already in the follower's chat (`PUT
 * …/activities/{id}`, every merged line); after the window, or when the old message cannot be
 * edited, a new card is posted. Updates of one card are serialized in this process and its row
 * is written on its ETag, so a concurrent merge elsewhere re-reads instead of losing a line.
 */
export const mergeFollowerCard = async (
  run: DeliveryRun,
  lock: KeyedLock,
  delivery: FollowerDelivery,
  reference: ConversationReference,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const { bot, log } = run.deps;
  const { tenantId } = run.notification;
  const { render } = run;
  const { opportunity, activity } = delivery.card;
  const { userId } = delivery;
  const reader = await readerFor(render, userId);
  const target: ConversationTarget = { scope: "user", userId };
  return lock(cardWriteKey(tenantId, opportunity.id, userId), async () => {
    for (let round = 0; round < MERGE_ROUNDS; round++) {
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
          return settled(
            await recordOutcome(run, key, target, { kind: "sent", id: previous.activityId }),
          );
        }
        const ids = [...previous.activityIds, activity.id];
        const merged = (await run.recent(previous.activityIds)).filter((item) =>
          ids.includes(item.id),
        );
        if (!merged.some((item) => item.id === activity.id)) merged.push(activity);
        const card = await renderCard(delivery.card, render, reader, merged);
        const outcome = await sendPaced(run, reference.conversationId, () =>
          bot.connector.update(
            reference.serviceUrl,
            reference.conversationId,
            previous.activityId,
            card,
          ),
        );
        if (outcome.kind === "sent") {
          sent();
          const result = await recordOutcome(
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
          return settled(await recordOutcome(run, key, target, outcome));
        }
        // The old card is gone (deleted message) or cannot be edited: post a new one.
        if (outcome.status !== 404 && outcome.status !== 400) return "failed";
      }
      const card = await renderCard(delivery.card, render, reader, [activity]);
      const outcome = await sendPaced(run, reference.conversationId, () =>
        bot.connector.send(reference.serviceUrl, reference.conversationId, card),
      );
      sent();
      const result = await recordOutcome(
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
      return settled(result);
    }
    return "failed";
  });
};
