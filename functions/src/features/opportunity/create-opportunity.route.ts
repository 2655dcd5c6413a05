import { TASK_KINDS } from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { idSchema, instantSchema } from "../../api/api-schemas.js";
import { viewerOf } from "../../identity/principal.js";
import { opportunitySchema } from "./opportunity.schema.js";
import { createOpportunity } from "./opportunity.service.js";
import { opportunityAnswer } from "./opportunity-answer.js";

const text = (max: number) => z.string().max(max);

const createBody = z.object({
  contact: z.object({
    name: text(200),
    email: text(254).nullish(),
    phone: text(40).nullish(),
    company: text(200).nullish(),
    linkedinUrl: text(500).nullish(),
    preferredChannel: z.enum(["email", "phone", "teams-meeting", "other"]).nullish(),
  }),
  source: text(100),
  campaign: text(200).nullish(),
  title: text(200).nullish(),
  ownerId: idSchema.optional(),
  value: z.object({ amount: z.number().nonnegative(), currency: z.string() }).nullish(),
  tags: z.array(text(50)).max(30).optional(),
  nextTask: z
    .object({ kind: z.enum(TASK_KINDS), title: text(200).nullish(), dueAt: instantSchema })
    .nullish(),
});

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
    body: createBody,
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
