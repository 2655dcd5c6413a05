import { addNote as addNoteRule, type Note, type Opportunity, type Viewer } from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { loadOpportunity } from "../opportunity/index.js";

/**
 * SPEC §4.2: a note on an opportunity at any time, with its author and time (owner and
 * managers; followers read only). Returns the opportunity too: a note is shown through it,
 * redacted while its client is hidden.
 */
export const addNote = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  text: string,
): Promise<{ note: Note; opportunity: Opportunity }> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  const outcome = addNoteRule({ opportunity, text }, ctx);
  await deps.store.commit(actor.tenantId, outcome);
  return { note: outcome.value, opportunity };
};
