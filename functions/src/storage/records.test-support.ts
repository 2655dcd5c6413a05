import type { Activity, Contact, Opportunity, Task } from "@dealflow/core";
import {
  buildContact,
  buildContactSnapshot,
  buildOpportunity,
  buildTask,
} from "../../../core/src/shared/builders.test-support.js";

// Plain records for storage tests: what a use case would hand to the store. A record not
// yet written has no version; the store's ETag becomes it.
const WRITTEN_AT = "2026-03-01T09:00:00.000Z";

export const contactRecord = (tenantId: string, id: string, over: Partial<Contact> = {}): Contact =>
  buildContact({
    tenantId,
    id,
    name: "Ana García",
    company: "Acme Ibérica",
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    version: undefined,
    ...over,
  });

export const opportunityRecord = (
  tenantId: string,
  id: string,
  over: Partial<Opportunity> = {},
): Opportunity =>
  buildOpportunity({
    tenantId,
    id,
    title: `Opportunity ${id}`,
    receivedAt: WRITTEN_AT,
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
    ownerId: "ana",
    contact: buildContactSnapshot({ id: `c-${id}`, name: "Ana García", phone: null }),
    deadlines: [],
    version: undefined,
    ...over,
  });

export const taskRecord = (tenantId: string, id: string, over: Partial<Task> = {}): Task =>
  buildTask({
    tenantId,
    id,
    title: `Task ${id}`,
    ownerId: "ana",
    dueAt: "2026-03-02T10:00:00.000Z",
    opportunityId: null,
    contactId: null,
    createdBy: "ana",
    deadlines: [],
    version: undefined,
    ...over,
  });

export const activityRecord = (
  tenantId: string,
  id: string,
  opportunityId: string,
  at: string,
): Activity => ({
  tenantId,
  id,
  opportunityId,
  at,
  actorId: "ana",
  type: "note-added",
  noteId: `n-${id}`,
  excerpt: "called",
});
