import { createOpportunityBody, opportunitySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { createOpportunity } from "./opportunity.service.js";
import { opportunityAnswer } from "./opportunity-answer.js";

/**
 * SPEC §4.2 "+ New": an opportunity entered by hand. Sellers create for themselves (core
 * refuses otherwise); a manager may name any user of the tenant as owner.
 */
export const createOpportunityRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "createOpportunity",
    method: "POST",
    route: "opportunities",
    summary: "Create an opportunity by hand (referral, phone call)",
    tag: "Opportunities",
    body: createOpportunityBody,
    responses: { 201: { description: "The new opportunity", schema: opportunitySchema } },
    async handler({ body, principal }) {
      const saved = await createOpportunity(deps, viewerOf(principal), {
        contact: body.contact,
        source: body.source,
        campaign: body.campaign ?? null,
        title: body.title ?? null,
        // "+ New" is for oneself unless a manager names someone.
        ownerId: body.ownerId ?? principal.userId,
        value: body.value ?? null,
        ...(body.tags ? { tags: body.tags } : {}),
        nextTask: body.nextTask ?? null,
        origin: "manual",
      });
      return {
        ...opportunityAnswer(saved, 201),
        headers: { Location: `/api/opportunities/${saved.opportunity.id}` },
      };
    },
  });
