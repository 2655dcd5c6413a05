import { z } from "zod";
import { idSchema } from "../common/common.schema.js";

export const channelParams = z.object({ channelId: idSchema });

/** PUT /api/channels/{channelId}/pipeline: the channel tab's Save (SPEC §4.6, managers). */
export const linkChannelPipelineBody = z.object({
  pipelineId: idSchema,
  /** The team's thread id (teams-js `team.internalId`), as the bot sees it in `channelData.team.id`. */
  teamId: idSchema,
});

export type LinkChannelPipelineRequest = z.input<typeof linkChannelPipelineBody>;

/** What the channel is linked to now. */
export const channelLinkSchema = z.object({
  teamId: z.string(),
  channelId: z.string(),
  pipelineId: z.string(),
  pipelineName: z.string(),
  /** false until the bot is installed in the team (the link waits for it). */
  botInstalled: z.boolean(),
});

export type ChannelLink = z.output<typeof channelLinkSchema>;
