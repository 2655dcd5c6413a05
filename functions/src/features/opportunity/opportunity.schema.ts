import type {
  Activity as WireActivity,
  Note as WireNote,
  Opportunity as WireOpportunity,
} from "@dealflow/contract";
import {
  type Activity,
  canEdit,
  firstContactDueTimes,
  type Note,
  type Opportunity,
  redactHiddenActivity,
  redactHiddenContact,
  redactHiddenText,
  type Settings,
  snapshotOf,
  type Viewer,
} from "@dealflow/core";
import { visibilityMarks } from "./visibility-marks.js";

// The wire shapes are the contract's (contract/src/opportunity); this file builds them from
// the domain record, field by field, so that bookkeeping (tenant, deadlines, mutes, version)
// never leaks and a field added to the domain later is not exposed by accident.
export type OpportunityResponse = WireOpportunity;

/**
 * The one way an opportunity leaves the API: hidden marketplace clients redacted first. The
 * settings give the first contact's and a hidden client's clocks their durations, and decide
 * what `viewer` (who asked; null for the system) may do with it (SPEC §7).
 */
export const opportunityResponse = (
  record: Opportunity,
  settings: Pick<Settings, "marketplaces" | "durations" | "managerIds" | "pipelines">,
  viewer: Viewer | null,
): OpportunityResponse => {
  const o = redactHiddenContact(record);
  return {
    id: o.id,
    title: o.title,
    pipelineId: o.pipelineId,
    stage: o.stage,
    status: o.status,
    receivedAt: o.receivedAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    createdBy: o.createdBy,
    ownerId: o.ownerId,
    source: o.source,
    campaign: o.campaign,
    value: o.value,
    tags: o.tags,
    contact: snapshotOf(o.contact),
    participants: o.participants.map(snapshotOf),
    followers: o.followers,
    firstContact: { ...o.firstContact, ...firstContactDueTimes(o, settings) },
    discard: o.discard,
    closedAt: o.closedAt,
    externalId: o.externalId,
    marketplace: o.marketplace && { ...o.marketplace, ...visibilityMarks(o, settings) },
    permissions: { edit: viewer === null || canEdit(viewer, record, settings) },
  };
};

/** Notes written by us (a learned-note template, a colleague) may name a hidden client too. */
export const noteResponse = (
  note: Note,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): WireNote => ({
  id: note.id,
  opportunityId: note.opportunityId,
  authorId: note.authorId,
  text: redactHiddenText(note.text, opportunity),
  createdAt: note.createdAt,
});

export const activityResponse = (
  activity: Activity,
  opportunity: Pick<Opportunity, "marketplace" | "contact" | "participants">,
): WireActivity => {
  const { tenantId: _tenant, ...line } = redactHiddenActivity(activity, opportunity);
  return line;
};
