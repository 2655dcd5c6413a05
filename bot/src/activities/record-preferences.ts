import { canonicalTimeZone, supportedLocaleOf, type UserPreferences } from "@dealflow/core";
import type { BotData } from "../ports/bot-data.js";
import type { IncomingActivity } from "./incoming-activity.js";

/**
 * What the sender's Teams says about them: `locale` on every activity, and the client's IANA
 * zone in the `clientInfo` entity of messages and invokes. What we cannot use (a language we do
 * not speak, an unknown or malformed zone) is left out, never guessed.
 */
export const preferencesOf = (activity: IncomingActivity): UserPreferences => {
  const locale = supportedLocaleOf(activity.locale);
  const clientInfo = activity.entities?.find((entity) => entity?.type === "clientInfo");
  const timeZone = canonicalTimeZone(clientInfo?.timezone);
  return {
    ...(locale === null ? {} : { locale }),
    ...(timeZone === null ? {} : { timeZone }),
  };
};

/**
 * Records the sender's language and zone on their own record: the person is `from.aadObjectId`
 * in `channelData.tenant.id` (SPEC §7), the ids the Bot Connector vouches for. An activity whose
 * conversation names another tenant is inconsistent and changes nobody.
 */
export const recordSenderPreferences = async (
  activity: IncomingActivity,
  data: BotData,
): Promise<void> => {
  const tenantId = activity.channelData?.tenant?.id;
  const userId = activity.from?.aadObjectId;
  const conversationTenant = activity.conversation?.tenantId;
  if (!tenantId || !userId) return;
  if (conversationTenant !== undefined && conversationTenant !== tenantId) return;
  const preferences = preferencesOf(activity);
  if (preferences.locale === undefined && preferences.timeZone === undefined) return;
  await data.recordPreferences({ tenantId, userId }, preferences);
};
