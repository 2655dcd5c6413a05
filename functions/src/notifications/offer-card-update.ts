import type { AdaptiveCard, SendOutcome } from "@dealflow/bot";
import type { DeliveryLog } from "./delivery-log.js";

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
