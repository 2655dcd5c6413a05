import type { HostContext } from "../host/host-context.js";
import { opportunityFromHash } from "../shell/nav-items.js";
import { isConfigHash, pipelineOfEntityId } from "../views/config/pipeline-tab.js";
import { readPipelineRoute } from "../views/pipeline/pipeline-route.js";

/** Where the tab opens, decided once per load from the URL and what Teams says. */
export type StartRoute = {
  /** The hash to show first. */
  hash: string;
  /** Where the detail's Back goes when the tab opened on a detail; null: the default view. */
  backHash: string | null;
  /** The pipeline of this tab (a channel tab's), preselected in the Pipeline view. */
  pipelineId: string | null;
};

const ID = /^[A-Za-z0-9._:@+-]{1,200}$/;

/**
 * A Teams deep link (`subEntityId`, see bot/src/cards/deep-link.ts) opens that opportunity's
 * detail, and its Back returns to the view the tab's URL named (a channel tab's board).
 */
export const startRoute = (hash: string, host: HostContext): StartRoute => {
  const channelTab = host.kind === "teams" ? pipelineOfEntityId(host.entityId) : null;
  const pipelineId = channelTab ?? readPipelineRoute(hash).pipelineId;
  const target = host.kind === "teams" ? host.subEntityId : null;
  if (target === null || !ID.test(target) || isConfigHash(hash) || opportunityFromHash(hash)) {
    return { hash, backHash: null, pipelineId };
  }
  return {
    hash: `#/opportunities/${encodeURIComponent(target)}`,
    backHash: hash === "" || hash === "#" || hash === "#/" ? null : hash,
    pipelineId,
  };
};
