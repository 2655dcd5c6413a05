import type {
  ConversationPort,
  ConversationRecord,
  ConversationReference,
  ConversationTarget,
} from "../ports/conversations.js";
import { conversationTypeOf, type IncomingActivity, tenantOf } from "./incoming-activity.js";

/** Group chats are stored beside channels, under a pseudo team (they have no team). */
export const GROUP_CHAT_TEAM = "groupchat";

/** Where a reply to this activity would go, as a proactive target; null when unknown. */
export const targetOf = (activity: IncomingActivity): ConversationTarget | null => {
  const kind = conversationTypeOf(activity);
  if (kind === "personal") {
    const userId = activity.from?.aadObjectId;
    return userId ? { scope: "user", userId } : null;
  }
  if (kind === "groupChat") {
    const id = activity.conversation?.id;
    return id ? { scope: "channel", teamId: GROUP_CHAT_TEAM, channelId: id } : null;
  }
  const teamId = activity.channelData?.team?.id;
  if (!teamId) return null;
  return { scope: "channel", teamId, channelId: activity.channelData?.channel?.id ?? teamId };
};

export const referenceOf = (activity: IncomingActivity): ConversationReference | null => {
  const kind = conversationTypeOf(activity);
  if (!activity.serviceUrl || !activity.conversation?.id) return null;
  // A channel post goes to the channel's id (a new thread), not to the thread of this message.
  const conversationId =
    kind === "channel"
      ? (activity.channelData?.channel?.id ??
        activity.channelData?.team?.id ??
        activity.conversation.id)
      : activity.conversation.id;
  return {
    serviceUrl: activity.serviceUrl,
    conversationId,
    conversationType: kind,
    botId: activity.recipient?.id ?? "",
    userTeamsId: kind === "personal" ? (activity.from?.id ?? null) : null,
    locale: activity.locale ?? null,
  };
};

const botIsIn = (members: IncomingActivity["membersAdded"], activity: IncomingActivity) =>
  (members ?? []).some((member) => member.id === activity.recipient?.id);

/**
 * SPEC §4.6 / ARCHITECTURE: references are saved on install and on every message (the latest
 * wins and reactivates), and deactivated, never deleted, when the app is removed.
 */
export const recordConversation = async (
  activity: IncomingActivity,
  conversations: ConversationPort,
  now: Date,
): Promise<void> => {
  const tenantId = tenantOf(activity);
  const target = targetOf(activity);
  const reference = referenceOf(activity);
  if (!tenantId || !target || !reference) return;
  const removed =
    (activity.type === "installationUpdate" && activity.action?.startsWith("remove")) ||
    (activity.type === "conversationUpdate" && botIsIn(activity.membersRemoved, activity));
  if (removed) {
    await conversations.deactivate(tenantId, target, "uninstalled", now);
    return;
  }
  const saves =
    activity.type === "message" ||
    activity.type === "invoke" ||
    activity.type === "installationUpdate" ||
    (activity.type === "conversationUpdate" && botIsIn(activity.membersAdded, activity));
  if (!saves) return;
  const existing = await conversations.get(tenantId, target);
  const record: ConversationRecord = {
    tenantId,
    target,
    reference,
    serviceUrl: reference.serviceUrl,
    active: true,
    pipelineId: existing?.pipelineId ?? null,
    updatedAt: now.toISOString(),
    deactivatedReason: null,
  };
  await conversations.save(record);
};
