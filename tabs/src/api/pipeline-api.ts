import type { ApiClient } from "./api-client.js";
import type { Opportunity, Page } from "./api-types.js";

/** One page of a board column: the opportunities of one stage of one pipeline. */
export type StagePageRequest = {
  pipelineId: string;
  stageId: string;
  /** A user id (managers filter by owner); null for everyone the user may see. */
  owner: string | null;
  cursor: string | null;
  limit: number;
};

/** PUT /api/channels/{channelId}/pipeline: what the channel is linked to now. */
export type ChannelLink = {
  teamId: string;
  channelId: string;
  pipelineId: string;
  pipelineName: string;
  /** false until the bot is installed in the team (the link waits for it). */
  botInstalled: boolean;
};

/** Pipelines as boards and lists, and the channel tab's link to a pipeline. */
export const createPipelineApi = (client: ApiClient) => ({
  stageOpportunities: (request: StagePageRequest) => {
    const query = new URLSearchParams({
      view: "all",
      pipeline: request.pipelineId,
      stage: request.stageId,
      limit: String(request.limit),
      // A card says its next task (one agenda read per owner of the page, on the server).
      include: "nextTask",
    });
    if (request.owner) query.set("owner", request.owner);
    if (request.cursor) query.set("cursor", request.cursor);
    return client.get<Page<Opportunity>>(`/api/opportunities?${query}`);
  },
  linkChannelPipeline: async (link: { channelId: string; teamId: string; pipelineId: string }) =>
    (
      await client.request<ChannelLink>(
        "PUT",
        `/api/channels/${encodeURIComponent(link.channelId)}/pipeline`,
        { body: { pipelineId: link.pipelineId, teamId: link.teamId } },
      )
    ).data,
});
