import {
  type AdaptiveCard,
  type ConversationReference,
  isConversationReference,
} from "@dealflow/bot";
import type { Delivery } from "../recipients.js";
import { readerFor, renderCard } from "../render-card.js";
import {
  type DeliveryResult,
  type DeliveryRun,
  recordOutcome,
  sendPaced,
  settled,
} from "./delivery-run.js";

type ChannelDelivery = Extract<Delivery, { to: "channel" }>;
type UserDelivery = Extract<Delivery, { to: "user" }>;

/** A channel post, in the tenant's language and time zone (a channel has no single reader). */
export const sendChannelCard = async (
  run: DeliveryRun,
  delivery: ChannelDelivery,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const reference = delivery.channel.reference;
  if (!isConversationReference(reference)) return "unreachable";
  const { render } = run;
  const card: AdaptiveCard = await renderCard(delivery.card, render, {
    locale: render.settings.locale,
    timeZone: render.settings.timeZone,
  });
  const outcome = await sendPaced(run, reference.conversationId, () =>
    run.deps.bot.connector.send(reference.serviceUrl, reference.conversationId, card),
  );
  sent();
  return settled(await recordOutcome(run, key, delivery.channel.target, outcome));
};

/** A new card in a user's chat, in their language and time zone. */
export const sendUserCard = async (
  run: DeliveryRun,
  delivery: UserDelivery,
  reference: ConversationReference,
  key: string,
  sent: () => void,
): Promise<DeliveryResult> => {
  const { render } = run;
  const card = await renderCard(delivery.card, render, await readerFor(render, delivery.userId));
  const outcome = await sendPaced(run, reference.conversationId, () =>
    run.deps.bot.connector.send(reference.serviceUrl, reference.conversationId, card),
  );
  sent();
  return settled(
    await recordOutcome(run, key, { scope: "user", userId: delivery.userId }, outcome),
  );
};
