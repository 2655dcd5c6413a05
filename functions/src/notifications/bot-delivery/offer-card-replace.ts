import type { AdaptiveCard, ConversationReference, SendOutcome } from "@dealflow/bot";
import type { DeliveryLog } from "../../storage/messaging/delivery-log.js";
import type { CardSpec, Delivery } from "../recipients.js";
import { readerFor, renderCard } from "../render-card.js";
import {
  type DeliveryResult,
  type DeliveryRun,
  recordOutcome,
  sendPaced,
  settled,
} from "./delivery-run.js";

/**
 * An offer's final state replaces the card that offered it (`PUT …/activities/{id}`), at any
 * age: that card must not keep Accept / Decline. Its message id is in the `dlv|sent` row of
 * the notification that sent it (`replaces`). Null when the user never got that card: there
 * is nothing to correct, and a card about an offer they never saw would only puzzle them.
 * Otherwise the outcome to record for this recipient.
 */
export const replaceOfferCard = async (input: {
  log: DeliveryLog;
  tenantId: string;
  replaces: string;
  recipient: string;
  render: () => Promise<AdaptiveCard>;
  update: (activityId: string, card: AdaptiveCard) => Promise<SendOutcome>;
}): Promise<SendOutcome | null> => {
  const original = await input.log.getSent(input.tenantId, input.replaces, input.recipient);
  const activityId = original?.activityId;
  if (!activityId) return null;
  const outcome = await input.update(activityId, await input.render());
  if (outcome.kind === "sent") return { kind: "sent", id: activityId };
  // A deleted message cannot be updated: nothing is left to correct, so nothing is retried.
  if (outcome.kind === "failed" && (outcome.status === 404 || outcome.status === 400)) {
    return { kind: "sent", id: null };
  }
  return outcome;
};

export type OfferUpdateDelivery = Extract<Delivery, { to: "user" }> & {
  card: Extract<CardSpec, { kind: "offer" }> & { replaces: string };
};

/** Delivers an offer's final state to its user by replacing their offer card; "skipped" when they never got one. */
export const deliverOfferUpdate = async (
  run: DeliveryRun,
  delivery: OfferUpdateDelivery,
  reference: ConversationReference,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const { card, userId } = delivery;
  const { tenantId } = run.notification;
  const outcome = await replaceOfferCard({
    log: run.deps.log,
    tenantId,
    replaces: card.replaces,
    recipient: key,
    render: async () => renderCard(card, run.render, await readerFor(run.render, userId)),
    update: (activityId, updated) =>
      sendPaced(run, reference.conversationId, () =>
        run.deps.bot.connector.update(
          reference.serviceUrl,
          reference.conversationId,
          activityId,
          updated,
        ),
      ),
  });
  if (outcome === null) return "skipped";
  sent();
  return settled(await recordOutcome(run, key, { scope: "user", userId }, outcome));
};
