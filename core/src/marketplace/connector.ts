import type { MarketplaceConnectorSettings, Settings } from "../settings/settings.js";
import { validationError } from "../shared/domain-error.js";
import { normalizeText } from "../shared/text.js";

/** The settings of one marketplace; an unknown key is bad input naming `connectorKey`. */
export const findConnector = (
  settings: Pick<Settings, "marketplaces">,
  connectorKey: string,
): MarketplaceConnectorSettings => {
  const connector = settings.marketplaces.find((candidate) => candidate.key === connectorKey);
  if (connector === undefined) {
    throw validationError("connectorKey", "is not a marketplace configured for this tenant");
  }
  return connector;
};

/**
 * SPEC §4.5: opportunities from a marketplace land in its dedicated pipeline — the one its
 * settings name, else one named after it — and otherwise in the first pipeline.
 */
export const connectorPipelineId = (
  settings: Pick<Settings, "pipelines">,
  connector: Pick<MarketplaceConnectorSettings, "name" | "pipelineId">,
): string => {
  const { pipelines } = settings;
  const named = pipelines.find((pipeline) => pipeline.id === connector.pipelineId);
  const sameName = pipelines.find(
    (pipeline) => normalizeText(pipeline.name) === normalizeText(connector.name),
  );
  const pipeline = named ?? sameName ?? pipelines[0];
  // Settings validation guarantees at least one pipeline.
  if (pipeline === undefined) throw new Error("A tenant has at least one pipeline.");
  return pipeline.id;
};

/**
 * The opportunity's externalId for an application: unique across the tenant's marketplaces,
 * and in a namespace of its own that no web form's lead id can reach (external-id.ts).
 */
export const applicationExternalId = (connectorKey: string, applicationId: string): string =>
  `marketplace:${connectorKey}:${applicationId}`;
