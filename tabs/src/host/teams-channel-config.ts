import { pages } from "@microsoft/teams-js";
import type { ChannelConfigPort } from "./channel-config-port.js";
import type { TeamsHostContext } from "./host-context.js";

/** The configuration page's port on teams-js `pages.config` (the page runs in Teams' dialog). */
export const teamsConfigPort = (host: TeamsHostContext): ChannelConfigPort => ({
  inTeams: true,
  channel: host.channel,
  chat: host.channel === null ? (host.chat ?? null) : null,
  entityId: host.entityId,
  setValid: (valid) => pages.config.setValidityState(valid),
  onSave: (save, describeFailure) =>
    pages.config.registerOnSaveHandler((event) => {
      save()
        .then((instance) => pages.config.setConfig(instance))
        .then(
          () => event.notifySuccess(),
          (error: unknown) => event.notifyFailure(describeFailure(error)),
        );
    }),
});
