import {
  type Contact,
  canEdit,
  isManager,
  type Opportunity,
  type Outcome,
  reviseContact,
  setClassification,
  type UseCaseContext,
  unchanged,
  validationError,
} from "@dealflow/core";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { idParams } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { contactKey } from "../../storage/rows/contact.rows.js";
import { contactDetailSchema, contactPatchSchema } from "./contact.schema.js";
import { opportunitiesOfContact, presentContact, visibleOpportunities } from "./contact-access.js";
import { openTasksOfContact } from "./contact-open-tasks.js";
import { readableContact } from "./readable-contact.js";

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

export const patchContactRoute = (deps: RouteDeps) =>
  defineApiRoute(deps, {
    name: "patchContact",
    method: "PATCH",
    route: "contacts/{id}",
    summary:
      "Edits a contact's profile; a classification sets its tag and replaces its follow-up (SPEC §4.3)",
    tag: "Contacts",
    params: idParams,
    body: contactPatchSchema,
    responses: {
      200: { description: "The contact as it is now", schema: contactDetailSchema },
    },
    async handler({ params, body, principal, request }) {
      const ctx = await userContext(deps, principal);
      const { tenantId } = principal;
      const { contact: stored, hidden } = await readableContact(deps, ctx, params.id);
      const contact = baseVersion(stored, request);
      const opportunities = await opportunitiesOfContact(deps, tenantId, contact.id);
      const { classification, opportunityId, ...fields } = body;

      let outcome: Outcome<Contact> =
        Object.keys(fields).length === 0
          ? unchanged(contact)
          : reviseContact({ contact, patch: fields, opportunities }, ctx);
      if (classification !== undefined) {
        const opportunity = classificationOpportunity(opportunities, opportunityId, ctx);
        const openTasks = await openTasksOfContact(deps.store, tenantId, contact.id);
        const classified = setClassification(
          { contact: outcome.value, classification, opportunity, openTasks },
          ctx,
        );
        outcome = withClassification(outcome, classified);
      }

      const visible = ctx.actor ? visibleOpportunities(ctx.actor, opportunities, ctx.settings) : [];
      if (outcome.changes.length === 0) {
        return {
          body: { ...presentContact(contact, hidden), opportunities: visible },
          etag: contact.version,
        };
      }
      const { versions } = await deps.store.commit(tenantId, outcome);
      return {
        body: { ...presentContact(outcome.value, hidden), opportunities: visible },
        etag: versions.get(contactKey(contact.id)),
      };
    },
  });
