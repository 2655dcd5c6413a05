import type { TeamsChannel, TeamsChat } from "./host-context.js";

/** What Teams keeps for a configured channel tab (teams-js `pages.InstanceConfig`). */
export type TabInstance = {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
};

/**
 * The configurable tab's configuration page as Teams drives it (in a team channel or a group
 * chat), behind a port so the page's logic runs (and is tested) without Teams. Outside Teams
 * nothing is ever saved.
 */
export type ChannelConfigPort = {
  inTeams: boolean;
  /** The channel the tab is being added to; null outside a team channel. */
  channel: TeamsChannel | null;
  /** The group chat the tab is being added to (teams-js context `chat`); null elsewhere. */
  chat: TeamsChat | null;
  /** The entity id the tab was saved with before (reconfiguring it), else null. */
  entityId: string | null;
  /** Enables or disables Teams' Save button. */
  setValid(valid: boolean): void;
  /**
   * What Save does: `save` gives the tab's instance (in a channel, after linking it); a rejection
   * keeps the dialog open with `describeFailure`'s text. Registering again replaces it.
   */
  onSave(save: () => Promise<TabInstance>, describeFailure: (error: unknown) => string): void;
};

export const browserConfigPort: ChannelConfigPort = {
  inTeams: false,
  channel: null,
  chat: null,
  entityId: null,
  setValid() {},
  onSave() {},
};
