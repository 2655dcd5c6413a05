import type { AdaptiveCard, ConversationReference, ConversationTarget } from "@dealflow/bot";
import type { CardRow, MergedCard } from "../../storage/messaging/delivery-log.js";
import {
  type DeliveryResult,
  type DeliveryRun,
  recordOutcome,
  sendPaced,
  settled,
} from "./delivery-run.js";
import type { KeyedLock } from "./keyed-lock.js";

/** Times a merge re-reads a card that another delivery changed under it before giving up. */
const MERGE_ROUNDS = 3;

/** One kind of card that later sends merge into: what it lists, and how it is read and drawn. */
export type MergeSpec<Card extends MergedCard> = {
  /** Serializes the updates of one card in this process. */
  lockKey: string;
  userId: string;
  /** This send's item (an activity, a lead), as the card lists it. */
  item: string;
  /** The card as last recorded; `round` 0 may answer from what was read up front. */
  read: (round: number) => Promise<Card | null>;
  items: (card: Card) => readonly string[];
  /** The row to record for a card listing `items`. */
  row: (card: MergedCard, items: string[]) => CardRow;
  /** A new card with this send's item alone, or `previous`'s items and then this one. */
  render: (previous: readonly string[] | null) => Promise<AdaptiveCard>;
};

/**
 * Sends within the window (NOTIFY_COALESCE_SECONDS of a card's first send) merge into the card
 * already in the user's chat (`PUT …/activities/{id}`, every item); after the window, or when
 * the old message cannot be edited, a new card is posted. Updates of one card are serialized in
 * this process and its row is written on its ETag, so a concurrent merge elsewhere re-reads
 * instead of losing an item.
 */
export const mergeIntoCard = async <Card extends MergedCard>(
  run: DeliveryRun,
  lock: KeyedLock,
  spec: MergeSpec<Card>,
  reference: ConversationReference,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const { bot } = run.deps;
  const { render } = run;
  const target: ConversationTarget = { scope: "user", userId: spec.userId };
  return lock(spec.lockKey, async () => {
    for (let round = 0; round < MERGE_ROUNDS; round++) {
      const previous = await spec.read(round);
      const fresh =
        previous !== null &&
        previous.conversationId === reference.conversationId &&
        render.now.getTime() - Date.parse(previous.firstSentAt) < bot.coalesceMs;
      if (previous && fresh) {
        const listed = spec.items(previous);
        if (listed.includes(spec.item)) {
          sent();
          return settled(
            await recordOutcome(run, key, target, { kind: "sent", id: previous.activityId }),
          );
        }
        const card = await spec.render(listed);
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
            spec.row(previous, [...listed, spec.item]),
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
      const card = await spec.render(null);
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
          ? // Written unconditionally, as a new card replaces whatever row was there.
            spec.row(
              {
                conversationId: reference.conversationId,
                serviceUrl: reference.serviceUrl,
                activityId: outcome.id,
                firstSentAt: render.now.toISOString(),
              },
              [spec.item],
            )
          : undefined,
      );
      return settled(result);
    }
    return "failed";
  });
};
