import {
  type FirstContactChoice,
  recordFirstContact as recordFirstContactRule,
  type Viewer,
} from "@dealflow/core";
import { basedOn } from "../../service-kit/based-on.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import {
  loadOpportunity,
  openTasksOf,
  type SavedOpportunity,
  saveOpportunity,
} from "../opportunity/index.js";

/**
 * SPEC §4.2's three buttons on a row of the first- or second-contact queue: ready for
 * proposal, second contact or discard, each settling the opportunity's open tasks in the same
 * write (more than fit in one atomic write are refused as 409, never half settled).
 */
export const recordFirstContact = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  choice: FirstContactChoice,
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  const openTasks = await openTasksOf(deps, actor.tenantId, opportunity.id);
  const outcome = recordFirstContactRule(
    { opportunity: basedOn(opportunity, ifMatch), openTasks, ...choice },
    ctx,
  );
  return saveOpportunity(deps, ctx, outcome);
};
