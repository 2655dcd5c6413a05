import { app } from "@microsoft/teams-js";

/**
 * Opens a page outside the tab. Inside Teams a tab is a sandboxed frame whose window.open the
 * desktop client may swallow, so teams-js hands the link to the host; in a browser it opens a
 * new tab, without giving that page a handle on ours.
 */
export const openExternalLink = async (url: string): Promise<void> => {
  if (app.isInitialized()) {
    await app.openLink(url);
    return;
  }
  window.open(url, "_blank", "noopener,noreferrer");
};
