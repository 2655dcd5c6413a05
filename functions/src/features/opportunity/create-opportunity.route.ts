import { createOpportunity, isManager, TASK_KINDS } from "@dealflow/core";
import { z } from "zod";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { idSchema, instantSchema } from "../../api/api-schemas.js";
import { opportunityKey } from "../../storage/rows/opportunity.rows.js";
import { assertKnownUser } from "../user/known-user.js";
import { opportunityResponse, opportunitySchema } from "./opportunity.schema.js";

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
      const ctx = await userContext(deps, principal);
      const ownerId = body.ownerId ?? principal.userId;
      if (ownerId !== principal.userId && isManager(principal, ctx.settings)) {
        await assertKnownUser(deps, principal.tenantId, ownerId, "ownerId");
      }
      const outcome = createOpportunity(
        {
          contact: body.contact,
          source: body.source,
          campaign: body.campaign ?? null,
          title: body.title ?? null,
          ownerId,
          value: body.value ?? null,
          ...(body.tags ? { tags: body.tags } : {}),
          nextTask: body.nextTask ?? null,
          origin: "manual",
        },
        ctx,
      );
      const result = await deps.store.commit(principal.tenantId, outcome);
      return {
        status: 201,
        body: opportunityResponse(outcome.value, ctx.settings),
        etag: result.versions.get(opportunityKey(outcome.value.id)),
        headers: { Location: `/api/opportunities/${outcome.value.id}` },
      };
    },
  });
