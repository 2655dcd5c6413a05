import type { EntityChange } from "../changes/change-set.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Opportunity } from "./opportunity.types.js";

type Revisable = Omit<Opportunity, "tenantId" | "id" | "createdAt" | "createdBy" | "version">;

/** The opportunity with the patch applied and `updatedAt` moved to now; `version` stays as read. */
export const reviseOpportunity = (
  before: Opportunity,
  patch: Partial<Revisable>,
  ctx: UseCaseContext,
): Opportunity => ({ ...before, ...patch, updatedAt: iso(ctx.now) });

export const opportunityChange = (before: Opportunity, after: Opportunity): EntityChange => ({
  entity: "opportunity",
  before,
  after,
});
