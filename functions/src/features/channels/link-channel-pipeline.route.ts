import type { ConversationRecord } from "@dealflow/bot";
import { DomainError, isManager, validationError } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { idSchema } from "../../api/api-schemas.js";
import { viewerOf } from "../../identity/principal.js";

const params = z.object({ channelId: idSchema });

const body = z.object({
  pipelineId: idSchema,
  /** The team's thread id (teams-js `team.internalId`), as the bot sees it in `channelData.team.id`. */
  teamId: idSchema,
});

const linkSchema = z.object({
  teamId: z.string(),
  channelId: z.string(),
  pipelineId: z.string(),
  pipelineName: z.string(),
  botInstalled: z.boolean(),
});

/**
 * A channel tab saved with a pipeline (SPEC §4.6): the bot's `status` in that channel and its
 * channel posts then cover that pipeline. The link lives on the bot's conversation record;
 * when the bot was not installed in the team yet, an inactive record without a reference
 * keeps the link until the install saves the reference (which keeps `pipelineId`).
 */
export const linkChannelPipelineRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "linkChannelPipeline",
    method: "PUT",
    route: "channels/{channelId}/pipeline",
    summary: "Link a team channel to a pipeline (managers): the bot's status there covers it",
    tag: "Channels",
    params,
    body,
    responses: {
      200: { description: "The channel's link", schema: linkSchema },
      400: { description: "An invalid body or a pipeline the tenant does not have" },
      403: { description: "Only managers link channels" },
    },
    async handler({ params, body, principal }) {
      const { tenantId } = principal;
      const settings = await deps.store.getSettings(tenantId);
      if (!isManager(viewerOf(principal), settings)) {
        throw new DomainError("forbidden", "Only managers link a channel to a pipeline.");
      }
      const pipeline = settings.pipelines.find((p) => p.id === body.pipelineId);
      if (pipeline === undefined) {
        throw validationError("pipelineId", "is not a pipeline of this tenant");
      }
      const target = {
        scope: "channel" as const,
        teamId: body.teamId,
        channelId: params.channelId,
      };
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
        body: {
          teamId: body.teamId,
          channelId: params.channelId,
          pipelineId: pipeline.id,
          pipelineName: pipeline.name,
          botInstalled: record.active,
        },
      };
    },
  });
