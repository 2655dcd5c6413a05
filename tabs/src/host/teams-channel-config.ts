import type { ChannelConfigPort } from "./channel-config-port.js";
import type { TeamsHostContext } from "./host-context.js";
import { loadTeamsJs } from "./teams-host.js";

// Made only once detectHost found Teams, so teams-js is already loaded: each call resolves at
// once, in the order it was made.
const pages = async () => (await loadTeamsJs()).pages;

/** The configuration page's port on teams-js `pages.config` (the page runs in Teams' dialog). */
export const teamsConfigPort = (host: TeamsHostContext): ChannelConfigPort => ({
  inTeams: true,
  channel: host.channel,
  chat: host.channel === null ? (host.chat ?? null) : null,
  entityId: host.entityId,
  setValid: (valid) => {
    void pages().then((teamsPages) => teamsPages.config.setValidityState(valid));
  },
  onSave: (save, describeFailure) => {
    void pages().then((teamsPages) =>
      teamsPages.config.registerOnSaveHandler((event) => {
        save()
          .then((instance) => teamsPages.config.setConfig(instance))
          .then(
            () => event.notifySuccess(),
            (error: unknown) => event.notifyFailure(describeFailure(error)),
          );
      }),
    );
  },
});
