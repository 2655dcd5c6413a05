import type { ConversationReference } from "@dealflow/bot";
import type { Activity } from "@dealflow/core";
import type { Delivery } from "../recipients.js";
import { readerFor, renderCard } from "../render-card.js";
import { mergeIntoCard } from "./card-merge.js";
import type { DeliveryResult, DeliveryRun } from "./delivery-run.js";
import { cardWriteKey } from "./delivery-snapshot.js";
import type { KeyedLock } from "./keyed-lock.js";

export type FollowerDelivery = Extract<Delivery, { to: "user" }> & {
  card: { kind: "follower-update"; activity: Activity };
};

/**
 * SPEC §4.6: changes to one opportunity within the window merge into the follower card
 * already in the follower's chat, every merged line (see mergeIntoCard); its row is read up
 * front for every follower (the snapshot) and re-read only after a write.
 */
export const mergeFollowerCard = async (
  run: DeliveryRun,
  lock: KeyedLock,
  delivery: FollowerDelivery,
  reference: ConversationReference,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const { log } = run.deps;
  const { tenantId } = run.notification;
  const { render } = run;
  const { opportunity, activity } = delivery.card;
  const { userId } = delivery;
  const reader = await readerFor(render, userId);
  return mergeIntoCard(
    run,
    lock,
    {
      lockKey: cardWriteKey(tenantId, opportunity.id, userId),
      userId,
      item: activity.id,
      async read(round) {
        const known = round === 0 ? run.snapshot.card(opportunity.id, userId) : undefined;
        return known === undefined ? log.getCard(tenantId, opportunity.id, userId) : known;
      },
      items: (card) => card.activityIds,
      row: (card, activityIds) => ({
        opportunityId: opportunity.id,
        userId,
        card: { ...card, activityIds },
      }),
      async render(previous) {
        if (previous === null) return renderCard(delivery.card, render, reader, [activity]);
        const ids = [...previous, activity.id];
        const merged = (await run.recent(previous)).filter((item) => ids.includes(item.id));
        if (!merged.some((item) => item.id === activity.id)) merged.push(activity);
        return renderCard(delivery.card, render, reader, merged);
      },
    },
    reference,
    key,
    sent,
  );
};
