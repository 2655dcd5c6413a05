import type { ActivityDetails } from "../activity/activity.types.js";
import { activityChange } from "../activity/new-activity.js";
import type { Outcome } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import type { UseCaseContext } from "../shared/use-case-context.js";

/** One change of who is on an opportunity: the revised record and its timeline line. */
export const changeRoles = (
  before: Opportunity,
  patch: Parameters<typeof reviseOpportunity>[1],
  activity: ActivityDetails,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const after = reviseOpportunity(before, patch, ctx);
  return {
    value: after,
    changes: [opportunityChange(before, after), activityChange(before.id, activity, ctx)],
    schedule: [],
    cancel: [],
  };
};
