import type { Pipeline } from "@dealflow/contract";
import type { TabInstance } from "../../host/channel-config-port.js";
import type { Translate } from "../../i18n/i18n.js";
import { pipelineHash } from "../pipeline/pipeline-route.js";

const ENTITY_PREFIX = "pipeline:";

/** The configuration page's route: Teams' configurationUrl is `<origin>/#/config`. */
export const isConfigHash = (hash: string): boolean => /^#\/?config(\?.*)?$/.test(hash);

/** A channel tab's entity id names its pipeline, so the tab finds it again without the URL. */
export const pipelineOfEntityId = (entityId: string | null | undefined): string | null =>
  entityId?.startsWith(ENTITY_PREFIX) ? entityId.slice(ENTITY_PREFIX.length) || null : null;

/** What Teams saves for a channel tab showing `pipeline`: its board, named after it. */
export const pipelineTabInstance = (
  origin: string,
  pipeline: Pipeline,
  t: Translate,
): TabInstance => {
  const url = `${origin}/${pipelineHash({ pipelineId: pipeline.id, layout: null, owner: null })}`;
  return {
    contentUrl: url,
    websiteUrl: url,
    entityId: `${ENTITY_PREFIX}${pipeline.id}`,
    suggestedDisplayName: t("config.tabName", { pipeline: pipeline.name }),
  };
};
