import { loadedTeamsJs } from "../../../host/teams-host.js";

/**
 * Opens a page outside the tab. Inside Teams a tab is a sandboxed frame whose window.open the
 * desktop client may swallow, so teams-js hands the link to the host; in a browser it opens a
 * new tab, without giving that page a handle on ours (at once, within the click: teams-js is
 * loaded only where Teams may be the host, and then already when the tab started).
 */
export const openExternalLink = async (url: string): Promise<void> => {
  const app = loadedTeamsJs()?.app;
  if (app?.isInitialized()) {
    await app.openLink(url);
    return;
  }
  window.open(url, "_blank", "noopener,noreferrer");
};
