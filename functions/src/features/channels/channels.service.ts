import type { ConversationRecord } from "@dealflow/bot";
import type { ChannelLink } from "@dealflow/contract";
import { DomainError, isManager, type Viewer, validationError } from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";

/** A team channel, as Teams names it to the bot (`channelData.team.id`, the channel's id). */
export type TeamChannel = { teamId: string; channelId: string };

export type { ChannelLink };

/**
 * SPEC §4.6: a manager links a team channel to a pipeline, from the channel tab's
 * configuration or the bot's `link` in that channel; the bot's `status` there and its channel
 * posts then cover that pipeline. The link lives on the bot's conversation record; when the
 * bot was not installed in the team yet, an inactive record without a reference keeps the
 * link until the install saves the reference (which keeps `pipelineId`).
 */
export const linkChannel = async (
  deps: ServiceDeps,
  actor: Viewer,
  channel: TeamChannel,
  pipelineId: string,
): Promise<ChannelLink> => {
  const { tenantId } = actor;
  const settings = await deps.store.getSettings(tenantId);
  if (!isManager(actor, settings)) {
    throw new DomainError("forbidden", "Only managers link a channel to a pipeline.");
  }
  const pipeline = settings.pipelines.find((p) => p.id === pipelineId);
  if (pipeline === undefined) {
    throw validationError("pipelineId", "is not a pipeline of this tenant");
  }
  const target = { scope: "channel" as const, ...channel };
  const existing = await deps.store.conversations.get(tenantId, target);
  const updatedAt = deps.clock().toISOString();
  const record: ConversationRecord = existing
    ? { ...existing, pipelineId: pipeline.id, updatedAt }
    : {
        tenantId,
        target,
        reference: null,
        serviceUrl: "",
        active: false,
        pipelineId: pipeline.id,
        updatedAt,
        deactivatedReason: "not-installed",
      };
  await deps.store.conversations.save(record);
  return {
    ...channel,
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    botInstalled: record.active,
  };
};
