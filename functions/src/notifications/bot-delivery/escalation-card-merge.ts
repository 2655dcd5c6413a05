import type { ConversationReference } from "@dealflow/bot";
import type { Delivery } from "../recipients.js";
import { readerFor, renderCard, renderEscalationList } from "../render-card.js";
import { mergeIntoCard } from "./card-merge.js";
import type { DeliveryResult, DeliveryRun } from "./delivery-run.js";
import type { KeyedLock } from "./keyed-lock.js";

export type EscalationDelivery = Extract<Delivery, { to: "user" }> & {
  card: { kind: "first-contact-escalation" };
};

/** Leads one escalations card lists; the next escalation starts a new card. */
export const ESCALATIONS_PER_CARD = 15;

/**
 * Issue 20: the first-contact escalations one sweep (or one window) fires for a manager arrive
 * as one card listing the leads, each with its Open, instead of a card per lead. The first is
 * the single lead's own card; the next ones turn it into the list (see mergeIntoCard). The row
 * (`dlv|esc|<manager>`) is read once per escalation, which are few.
 */
export const mergeEscalationCard = async (
  run: DeliveryRun,
  lock: KeyedLock,
  delivery: EscalationDelivery,
  reference: ConversationReference,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const { log } = run.deps;
  const { tenantId } = run.notification;
  const { render } = run;
  const { userId } = delivery;
  const lead = delivery.card.opportunity.id;
  const reader = await readerFor(render, userId);
  return mergeIntoCard(
    run,
    lock,
    {
      lockKey: `${tenantId}|escalations|${userId}`,
      userId,
      item: lead,
      async read() {
        const card = await log.getEscalationCard(tenantId, userId);
        // A full card is left as it is: this lead starts the next one.
        return card && card.opportunityIds.length < ESCALATIONS_PER_CARD ? card : null;
      },
      items: (card) => card.opportunityIds,
      row: (card, opportunityIds) => ({ escalationsOf: userId, card: { ...card, opportunityIds } }),
      render: (previous) =>
        previous === null
          ? renderCard(delivery.card, render, reader)
          : renderEscalationList(render, reader, [...previous, lead]),
    },
    reference,
    key,
    sent,
  );
};
