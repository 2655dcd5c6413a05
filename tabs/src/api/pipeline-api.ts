import type {
  ChannelLink,
  LinkChannelPipelineRequest,
  OpportunityListItem as Opportunity,
  OpportunityListQuery,
  Page,
} from "@dealflow/contract";
import type { ApiClient } from "./api-client.js";

/** One page of a board column: the opportunities of one stage of one pipeline (as a list query). */
export type StagePageRequest = {
  pipelineId: string;
  stageId: string;
  /** A user id (managers filter by owner); null for everyone the user may see. */
  owner: string | null;
  cursor: string | null;
  limit: number;
};

/** Pipelines as boards and lists, and the channel tab's link to a pipeline. */
export const createPipelineApi = (client: ApiClient) => ({
  stageOpportunities: (request: StagePageRequest) => {
    const query = {
      view: "all",
      pipeline: request.pipelineId,
      stage: request.stageId,
      limit: String(request.limit),
      // A card says its next task (one agenda read per owner of the page, on the server).
      include: "nextTask",
      ...(request.owner ? { owner: request.owner } : {}),
      ...(request.cursor ? { cursor: request.cursor } : {}),
    } satisfies OpportunityListQuery;
    return client.get<Page<Opportunity>>(`/api/opportunities?${new URLSearchParams(query)}`);
  },
  linkChannelPipeline: async (link: LinkChannelPipelineRequest & { channelId: string }) =>
    (
      await client.request<ChannelLink>(
        "PUT",
        `/api/channels/${encodeURIComponent(link.channelId)}/pipeline`,
        { body: { pipelineId: link.pipelineId, teamId: link.teamId } },
      )
    ).data,
});
