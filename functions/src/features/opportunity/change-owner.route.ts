import { assertCanEdit, changeOwner, isDomainError } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { idParams, idSchema } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { assertKnownUser } from "../user/known-user.js";
import { openTasksOf, tooManyTasks } from "./open-tasks.js";
import { opportunitySchema } from "./opportunity.schema.js";
import { commitOpportunity, loadOpportunity } from "./opportunity-access.js";

/**
 * SPEC §4.2: hands an opportunity (and its previous owner's open tasks) to another user. A
 * hand-over too big for one atomic write is refused as 409 with a reason, never half done.
 */
export const changeOwnerRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "changeOpportunityOwner",
    method: "PUT",
    route: "opportunities/{id}/owner",
    summary: "Give the opportunity to another owner",
    tag: "Opportunities",
    params: idParams,
    body: z.object({ ownerId: idSchema }),
    responses: {
      200: { description: "The opportunity with its new owner", schema: opportunitySchema },
      403: { description: "Only the owner or a manager hands it over" },
      404: { description: "No such opportunity, or not one the user may see" },
      409: { description: "Too many open tasks to move in one step" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      const { ctx, opportunity } = await loadOpportunity(deps, principal, params.id);
      // A follower learns nothing about other users from a refused hand-over.
      assertCanEdit(ctx.actor, opportunity, ctx.settings);
      await assertKnownUser(deps, principal.tenantId, body.ownerId, "ownerId");
      const openTasks = await openTasksOf(deps, principal.tenantId, opportunity.id);
      const outcome = changeOwner(
        { opportunity: baseVersion(opportunity, request), ownerId: body.ownerId, openTasks },
        ctx,
      );
      try {
        return await commitOpportunity(deps, ctx, outcome);
      } catch (error) {
        if (isDomainError(error) && error.code === "too-large") throw tooManyTasks(null);
        throw error;
      }
    },
  });
