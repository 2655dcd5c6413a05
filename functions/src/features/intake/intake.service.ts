import {
  type CreateOpportunityInput,
  createOpportunity,
  type IntakeForm,
  isDomainError,
  mergeChangeSets,
  newNote,
  type Opportunity,
  type Outcome,
} from "@dealflow/core";
import { systemActor, systemContext } from "../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import type { FormIndexRow } from "../../storage/tenants-table/form-index.js";
import { routeOpportunity } from "../routing/index.js";
import { type IntakeLead, leadNoteText } from "./intake-fields.js";
import { nextRoundRobinOwner } from "./round-robin.js";

export type IntakeDeps = ServiceDeps;

/** The lead's opportunity, and whether this post created it (else it is a replay). */
export type ReceivedLead = { opportunityId: string; created: boolean };

/**
 * SPEC §6: a web form's lead becomes an unassigned-then-routed opportunity of the form's
 * source, campaign and pipeline, with its message as a note, in one commit. A lead is one
 * opportunity however often it arrives: `replayKey` (its external id or signature, see
 * intake.route.ts) finds the first one, also when two posts of it race.
 */
export const receiveLead = async (
  deps: IntakeDeps,
  row: FormIndexRow,
  form: IntakeForm,
  lead: IntakeLead,
  replayKey: string | null,
): Promise<ReceivedLead> => {
  const existing = async () =>
    replayKey === null ? null : deps.store.findOpportunityByExternalId(row.tenantId, replayKey);
  const replayed = await existing();
  if (replayed) return { opportunityId: replayed.id, created: false };

  const ctx = await systemContext(deps, row.tenantId);
  const input: CreateOpportunityInput = {
    contact: {
      name: lead.name ?? "",
      email: lead.email,
      phone: lead.phone,
      company: lead.company,
      linkedinUrl: lead.linkedinUrl,
    },
    source: form.source,
    campaign: lead.campaign ?? form.campaign,
    ownerId: null,
    pipelineId: form.pipelineId,
    externalId: replayKey,
    origin: "intake",
  };
  // Validated unassigned first (pure, writes nothing), so a bad lead never moves the
  // round-robin cursor past a seller.
  createOpportunity(input, ctx);
  const ownerId =
    form.routing === "owner"
      ? form.ownerId
      : form.routing === "offers"
        ? null
        : await nextRoundRobinOwner(deps.store, deps.store.forms, row, ctx.settings);
  const created = createOpportunity({ ...input, ownerId }, ctx);
  const text = leadNoteText(lead);
  const outcome: Outcome<Opportunity> =
    text === null
      ? created
      : { ...mergeChangeSets(created, newNote(created.value.id, text, ctx)), value: created.value };
  try {
    await deps.store.commit(row.tenantId, outcome);
  } catch (error) {
    // Two posts of one lead at once: the second finds the first's unique `ext|` row.
    const winner =
      isDomainError(error) && error.code === "already-exists" ? await existing() : null;
    if (winner) return { opportunityId: winner.id, created: false };
    throw error;
  }
  if (form.routing === "offers") await offerLead(deps, row.tenantId, outcome.value.id);
  return { opportunityId: outcome.value.id, created: true };
};

/**
 * SPEC §4.5 for a web form that routes by offers: the lead, committed unassigned (it waits in
 * the first-contact queue meanwhile), is offered automatically to the best-ranked targets. A
 * failure to route leaves it there for a manager to route or a seller to claim; the lead is
 * never refused for it (the form's sender has done nothing wrong).
 */
const offerLead = async (deps: IntakeDeps, tenantId: string, opportunityId: string) => {
  try {
    // No criteria: every active target, best-ranked first.
    await routeOpportunity(deps, systemActor(tenantId), opportunityId, {
      mode: "automatic",
      criteria: {},
    });
  } catch (error) {
    console.warn(`intake: lead ${opportunityId} received, not routed:`, error);
  }
};
