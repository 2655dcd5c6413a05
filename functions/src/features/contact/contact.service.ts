import {
  type Classification,
  type Contact,
  type ContactFieldsPatch,
  canEdit,
  canEditContact,
  isManager,
  type Opportunity,
  type Outcome,
  reviseContact,
  setClassification,
  type UseCaseContext,
  unchanged,
  type Viewer,
  validationError,
} from "@dealflow/core";
import { actingContext } from "../../service-kit/acting-context.js";
import { basedOn } from "../../service-kit/based-on.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { contactKey } from "../../storage/rows/contact.rows.js";
import { opportunitiesOfContact, visibleOpportunities } from "./contact-access.js";
import { openTasksOfContact } from "./contact-open-tasks.js";
import { readableContact } from "./readable-contact.js";

/** A profile edit: its fields, and the classification of SPEC §4.3 (null clears it). */
export type ContactEdit = {
  fields: ContactFieldsPatch;
  classification?: Classification | null;
  /** The opportunity the profile was opened from: gets the timeline line and the follow-up. */
  opportunityId?: string;
};

/** The contact as the actor may see it now, with the opportunities of theirs they may read. */
export type EditedContact = {
  contact: Contact;
  hidden: boolean;
  opportunities: ReturnType<typeof visibleOpportunities>;
  version: string | undefined;
  /** SPEC §7: may the user edit it (still), as the profile's answer says. */
  canEdit: boolean;
};

/**
 * The opportunity a classification from the profile belongs to: the one named, else (for a
 * seller, who may only classify through an opportunity they own) their newest editable one.
 */
const classificationOpportunity = (
  opportunities: readonly Opportunity[],
  opportunityId: string | undefined,
  ctx: UseCaseContext,
): Opportunity | null => {
  if (opportunityId !== undefined) {
    const named = opportunities.find((o) => o.id === opportunityId);
    if (!named) throw validationError("opportunityId", "is not an opportunity of this contact");
    return named;
  }
  const actor = ctx.actor;
  if (actor === null || isManager(actor, ctx.settings)) return null;
  return opportunities.find((o) => canEdit(actor, o, ctx.settings)) ?? null;
};

/** The classification applied on top of the field edit, as one write of the contact. */
const withClassification = (
  edited: Outcome<Contact>,
  classified: Outcome<{ contact: Contact | null }>,
): Outcome<Contact> => {
  const contact = classified.value.contact ?? edited.value;
  const [own, rest] = [
    classified.changes.filter((c) => c.entity === "contact"),
    classified.changes.filter((c) => c.entity !== "contact"),
  ];
  const editedContact = edited.changes.some((c) => c.entity === "contact");
  const changes = editedContact
    ? [
        ...edited.changes.map((c) => (c.entity === "contact" ? { ...c, after: contact } : c)),
        ...rest,
      ]
    : [...edited.changes, ...own, ...rest];
  return {
    value: contact,
    changes,
    schedule: [...edited.schedule, ...classified.schedule],
    cancel: [...edited.cancel, ...classified.cancel],
  };
};

/**
 * SPEC §4.1 and §4.3 from the contact's profile: edits its fields and, when asked, sets or
 * clears its classification (tag, follow-up replacing an earlier classification's), as one
 * write of the contact. A hidden marketplace client's profile is its application's (404 for
 * anyone who may not read that). Nothing to change writes nothing.
 */
export const editContact = async (
  deps: ServiceDeps,
  actor: Viewer,
  contactId: string,
  edit: ContactEdit,
  ifMatch?: string | null,
): Promise<EditedContact> => {
  const ctx = await actingContext(deps, actor);
  const { tenantId } = actor;
  const { contact: stored, hidden } = await readableContact(deps, ctx, contactId);
  const contact = basedOn(stored, ifMatch);
  const opportunities = await opportunitiesOfContact(deps, tenantId, contact.id);

  let outcome: Outcome<Contact> =
    Object.keys(edit.fields).length === 0
      ? unchanged(contact)
      : reviseContact({ contact, patch: edit.fields, opportunities }, ctx);
  if (edit.classification !== undefined) {
    const opportunity = classificationOpportunity(opportunities, edit.opportunityId, ctx);
    const openTasks = await openTasksOfContact(deps.store, tenantId, contact.id);
    const classified = setClassification(
      { contact: outcome.value, classification: edit.classification, opportunity, openTasks },
      ctx,
    );
    outcome = withClassification(outcome, classified);
  }

  const visible = visibleOpportunities(actor, opportunities, ctx.settings);
  const mayEdit = canEditContact(actor, opportunities, ctx.settings);
  if (outcome.changes.length === 0) {
    return { contact, hidden, opportunities: visible, version: contact.version, canEdit: mayEdit };
  }
  const { versions } = await deps.store.commit(tenantId, outcome);
  return {
    contact: outcome.value,
    hidden,
    opportunities: visible,
    version: versions.get(contactKey(contact.id)),
    canEdit: mayEdit,
  };
};
