export type ThemeName = "light" | "dark" | "contrast";

/** The team channel a tab lives in, with the ids the bot sees (`channelData.team/channel.id`). */
export type TeamsChannel = { teamId: string; channelId: string; channelName: string | null };

/** A chat the tab lives in (teams-js `app.Context.chat`): a group chat has no channel to link. */
export type TeamsChat = { chatId: string };

export type TeamsHostContext = {
  kind: "teams";
  locale: string;
  /** The device's IANA zone (teams-js gives none; the browser's is the person's). */
  timeZone: string | null;
  theme: ThemeName;
  getToken: () => Promise<string>;
  onThemeChange: (listener: (theme: ThemeName) => void) => void;
  /** The deep link's sub-entity (an opportunity id, see bot/src/cards/deep-link.ts). */
  subEntityId: string | null;
  /** The tab's entity id: a channel tab saved by the configuration page names its pipeline. */
  entityId: string | null;
  /** Set in a team channel; null in the personal app, chats and meetings. */
  channel: TeamsChannel | null;
  /** Set in a chat (a group chat's tab); absent or null in a channel and the personal app. */
  chat?: TeamsChat | null;
};

/** Where the tab runs: inside Teams (SSO, Teams theme) or a plain browser (demo sign-in). */
export type HostContext = TeamsHostContext | { kind: "browser"; locale: string };
