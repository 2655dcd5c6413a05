import { type ConversationReference, isConversationReference } from "@dealflow/bot";
import type { BotRuntime } from "../../bot/bot-runtime.js";
import type { Store } from "../../storage/store.js";
import type { DeliverySnapshot } from "./delivery-snapshot.js";

/** A user's 1:1 chat: the saved one, else created through a team they share with the bot. */
export const userConversation = async (
  deps: { store: Store; bot: BotRuntime },
  input: {
    tenantId: string;
    userId: string;
    now: Date;
    snapshot: DeliverySnapshot;
  },
): Promise<ConversationReference | null> => {
  const { store, bot } = deps;
  const { tenantId, userId, now } = input;
  const record = await input.snapshot.userChat(userId);
  if (record)
    return record.active && isConversationReference(record.reference) ? record.reference : null;
  const user = await input.snapshot.user(userId);
  if (!user) return null;
  // A team the bot is in whose roster lists the user: Teams lets the bot open a 1:1 chat with
  // any member of a team it shares with them (a manager's addition in Settings is no such team).
  const memberships = await store.teams.membershipsOf(tenantId, userId);
  const teams = await Promise.all(
    memberships
      .filter((membership) => membership.roster)
      .map((membership) => store.teams.getTeam(tenantId, membership.teamId)),
  );
  const shared = teams.find((team) => team !== null);
  if (!shared) return null;
  const outcome = await bot.send({ tenantId, conversationId: `create:${userId}` }, () =>
    bot.connector.createPersonalConversation(shared.serviceUrl, {
      botId: bot.botId,
      tenantId,
      userId,
    }),
  );
  if (outcome.kind === "gone") return null;
  if (outcome.kind === "failed" || outcome.id === null)
    throw new Error(`Could not open a chat with ${userId}`);
  const reference: ConversationReference = {
    serviceUrl: shared.serviceUrl,
    conversationId: outcome.id,
    conversationType: "personal",
    botId: bot.botId,
    userTeamsId: null,
    locale: null,
  };
  await store.conversations.save({
    tenantId,
    target: { scope: "user", userId },
    reference,
    serviceUrl: shared.serviceUrl,
    active: true,
    pipelineId: null,
    updatedAt: now.toISOString(),
    deactivatedReason: null,
  });
  return reference;
};
