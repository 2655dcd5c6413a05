import { channelLinkSchema, channelParams, linkChannelPipelineBody } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { linkChannel } from "./channels.service.js";

/** The channel tab's Save (SPEC §4.6): the bot's `status` in that channel covers the pipeline. */
export const linkChannelPipelineRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "linkChannelPipeline",
    method: "PUT",
    route: "channels/{channelId}/pipeline",
    summary: "Link a team channel to a pipeline (managers): the bot's status there covers it",
    tag: "Channels",
    params: channelParams,
    body: linkChannelPipelineBody,
    responses: {
      200: { description: "The channel's link", schema: channelLinkSchema },
      400: { description: "An invalid body or a pipeline the tenant does not have" },
      403: { description: "Only managers link channels" },
    },
    async handler({ params, body, principal }) {
      const channel = { teamId: body.teamId, channelId: params.channelId };
      return { body: await linkChannel(deps, viewerOf(principal), channel, body.pipelineId) };
    },
  });
