import { handleCardAction, parseCardAction } from "../actions/handle-action.js";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from "../cards/adaptive-card.js";
import type { LinkConfig } from "../cards/deep-link.js";
import { handleCommand } from "../commands/handle-command.js";
import { parseCommand } from "../commands/parse-command.js";
import { localeOf } from "../i18n/translate.js";
import { isMessageExtensionInvoke } from "../message-extensions/compose-extension.js";
import { handleMessageExtension } from "../message-extensions/handle-message-extension.js";
import type { BotData } from "../ports/bot-data.js";
import type { ConversationPort } from "../ports/conversations.js";
import { conversationTypeOf, type IncomingActivity, tenantOf } from "./incoming-activity.js";
import { recordSenderPreferences } from "./record-preferences.js";
import { recoverTeam } from "./recover-team.js";
import { recordConversation } from "./save-reference.js";
import { syncTeam } from "./sync-team.js";
import type { TeamSyncDeps } from "./team-roster.js";

/** `teams`, `roster`, `teamDetails`: installed teams and their members (SPEC §7 team visibility). */
export type BotDeps = TeamSyncDeps & {
  data: BotData;
  conversations: ConversationPort;
  links: LinkConfig;
};

/** What a turn answers: a card to post, and for invokes the HTTP body Teams waits for. */
export type TurnOutcome = {
  reply: AdaptiveCard | null;
  invokeResponse: { status: number; body: unknown } | null;
  /** The card the acted-on message should show to everyone (Universal Actions). */
  updateActedOn: AdaptiveCard | null;
};

const NOTHING: TurnOutcome = { reply: null, invokeResponse: null, updateActedOn: null };

const cardResponse = (card: AdaptiveCard) => ({
  status: 200,
  body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card },
});

/**
 * One incoming activity: save its reference and the sender's language and zone, record a
 * team's roster when the bot or members come and go (or when a team the bot has no record of
 * speaks), then answer a command or run a card action.
 */
export const handleActivity = async (
  activity: IncomingActivity,
  deps: BotDeps,
): Promise<TurnOutcome> => {
  const now = deps.clock();
  await recordConversation(activity, deps.conversations, now);
  // Before the turn, so its answer (a snooze to "tomorrow") already uses the reported zone.
  await recordSenderPreferences(activity, deps.data);
  const rosterRead = await recoverTeam(activity, deps);
  await syncTeam(activity, deps, { rosterRead });
  const tenantId = tenantOf(activity);
  const userId = activity.from?.aadObjectId ?? null;
  const clientLocale = localeOf(activity.locale);
  const kind = conversationTypeOf(activity);
  const teamId = activity.channelData?.team?.id;
  // The team channel the activity came from (a card's buttons too); null in chats.
  const channel =
    kind === "channel" && teamId
      ? { teamId, channelId: activity.channelData?.channel?.id ?? teamId }
      : null;

  if (activity.type === "invoke" && isMessageExtensionInvoke(activity.name)) {
    const body = await handleMessageExtension(
      { name: activity.name, value: activity.value, tenantId, userId, clientLocale, now },
      deps,
    );
    return { ...NOTHING, invokeResponse: { status: 200, body } };
  }
  const action =
    (activity.type === "invoke" && activity.name === "adaptiveCard/action") ||
    (activity.type === "message" && !activity.text && activity.value)
      ? parseCardAction(activity.value)
      : null;
  if (activity.type === "invoke") {
    if (action === null || tenantId === null || userId === null) {
      return {
        ...NOTHING,
        invokeResponse: {
          status: 200,
          body: {
            statusCode: 400,
            type: "application/vnd.microsoft.error",
            value: { code: "BadRequest", message: "Unknown action" },
          },
        },
      };
    }
    const result = await handleCardAction(
      action,
      { tenantId, userId, locale: clientLocale, channel, now },
      deps,
    );
    return {
      reply: null,
      invokeResponse: cardResponse(result.card),
      updateActedOn: result.changed && activity.replyToId ? result.card : null,
    };
  }
  if (activity.type !== "message" || tenantId === null || userId === null) return NOTHING;
  if (action !== null) {
    const result = await handleCardAction(
      action,
      { tenantId, userId, locale: clientLocale, channel, now },
      deps,
    );
    return { ...NOTHING, reply: result.card };
  }
  const card = await handleCommand(
    parseCommand(activity.text ?? ""),
    { tenantId, userId, clientLocale, channel, now },
    deps,
  );
  return { ...NOTHING, reply: card };
};
