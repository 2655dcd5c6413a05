import type { EntityChange } from "../changes/change-set.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import type { Activity, ActivityDetails } from "./activity.types.js";

/** One timeline line by the context's actor, now. */
export const newActivity = (
  opportunityId: string,
  details: ActivityDetails,
  ctx: UseCaseContext,
): Activity => ({
  tenantId: ctx.tenantId,
  id: ctx.ids(),
  opportunityId,
  at: iso(ctx.now),
  actorId: ctx.actor?.userId ?? null,
  ...details,
});

export const activityChange = (
  opportunityId: string,
  details: ActivityDetails,
  ctx: UseCaseContext,
): EntityChange => ({
  entity: "activity",
  before: null,
  after: newActivity(opportunityId, details, ctx),
});
