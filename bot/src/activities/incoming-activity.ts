/** The fields of a Teams Activity the bot reads; everything else is ignored. */
export type ChannelAccount = { id: string; name?: string; aadObjectId?: string };

export type IncomingActivity = {
  type: string;
  id?: string;
  name?: string;
  text?: string;
  locale?: string;
  action?: string;
  value?: unknown;
  replyToId?: string;
  serviceUrl?: string;
  channelId?: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  channelData?: {
    tenant?: { id?: string };
    /** `aadGroupId` is the team's Entra group: the id pipelines and memberships use. */
    team?: { id?: string; name?: string; aadGroupId?: string };
    channel?: { id?: string; name?: string };
    eventType?: string;
  };
  /** Teams adds `{ type: "clientInfo", locale, country, platform, timezone }` to messages. */
  entities?: ({ type?: string; timezone?: unknown } | null)[];
  membersAdded?: ChannelAccount[];
  membersRemoved?: ChannelAccount[];
};

/** The tenant is `channelData.tenant.id` (Teams), else the conversation's (other clients). */
export const tenantOf = (activity: IncomingActivity): string | null =>
  activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? null;

export const conversationTypeOf = (
  activity: IncomingActivity,
): "personal" | "channel" | "groupChat" => {
  const type = activity.conversation?.conversationType;
  if (type === "channel" || activity.channelData?.channel?.id) return "channel";
  if (type === "groupChat" || activity.conversation?.isGroup) return "groupChat";
  return "personal";
};
