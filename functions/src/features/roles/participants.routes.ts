import {
  addParticipant,
  assertCanEdit,
  DomainError,
  promoteParticipant,
  removeParticipant,
  unchanged,
} from "@dealflow/core";
import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { idParams, idSchema } from "../../api/api-schemas.js";
import { baseVersion } from "../../api/http/etag.js";
import { contactDirectory } from "../contact/index.js";
import {
  loadOpportunity,
  opportunityAnswer,
  opportunitySchema,
  saveOpportunity,
} from "../opportunity/index.js";

const participantParams = z.object({ id: idSchema, contactId: idSchema });

const unknownContact = () => new DomainError("not-found", "The contact does not exist.");

const answers = {
  200: { description: "The opportunity with its roles", schema: opportunitySchema },
  403: { description: "Only the owner or a manager changes the roles" },
  404: { description: "No such opportunity (or contact), or not one the user may see" },
  412: { description: "If-Match is stale" },
};

/** SPEC §4.1: the client-side people of an opportunity, from the tenant's contacts. */
export const participantRoutes = (deps: RouteDeps): ApiRoute[] => [
  defineApiRoute(deps, {
    name: "addOpportunityParticipant",
    method: "POST",
    route: "opportunities/{id}/participants/{contactId}",
    summary: "Add a contact as another participant",
    tag: "Participants",
    params: participantParams,
    responses: answers,
    async handler({ params, principal, request }) {
      const { ctx, opportunity } = await loadOpportunity(deps, principal, params.id);
      // Refuse a follower before looking the contact up: the answer says nothing about it.
      assertCanEdit(ctx.actor, opportunity, ctx.settings);
      // SPEC §4.4: a hidden client's contact cannot be attached anywhere but its application.
      const contact = await contactDirectory(deps.store).get(
        principal.tenantId,
        params.contactId,
        opportunity.id,
      );
      if (contact === null) throw unknownContact();
      return opportunityAnswer(
        await saveOpportunity(
          deps,
          ctx,
          addParticipant({ opportunity: baseVersion(opportunity, request), contact }, ctx),
        ),
      );
    },
  }),
  defineApiRoute(deps, {
    name: "removeOpportunityParticipant",
    method: "DELETE",
    route: "opportunities/{id}/participants/{contactId}",
    summary: "Remove another participant",
    tag: "Participants",
    params: participantParams,
    responses: answers,
    async handler({ params, principal, request }) {
      const { ctx, opportunity } = await loadOpportunity(deps, principal, params.id);
      return opportunityAnswer(
        await saveOpportunity(
          deps,
          ctx,
          removeParticipant(
            { opportunity: baseVersion(opportunity, request), contactId: params.contactId },
            ctx,
          ),
        ),
      );
    },
  }),
  defineApiRoute(deps, {
    name: "setOpportunityContact",
    method: "PUT",
    route: "opportunities/{id}/contact",
    summary: "Promote a participant to Contact (the old Contact becomes a participant)",
    tag: "Participants",
    params: idParams,
    body: z.object({ contactId: idSchema }),
    responses: { ...answers, 400: { description: "The contact is not a participant" } },
    async handler({ params, body, principal, request }) {
      const { ctx, opportunity } = await loadOpportunity(deps, principal, params.id);
      const based = baseVersion(opportunity, request);
      if (body.contactId === opportunity.contact.id) {
        // Already the Contact: a repeated click is harmless, but only for those who may edit.
        assertCanEdit(ctx.actor, opportunity, ctx.settings);
        return opportunityAnswer(await saveOpportunity(deps, ctx, unchanged(based)));
      }
      // Defence in depth: a participant that is another application's hidden client (attached
      // before attaching was refused) is not promoted into view either.
      const reachable = await contactDirectory(deps.store).get(
        principal.tenantId,
        body.contactId,
        opportunity.id,
      );
      if (reachable === null && opportunity.participants.some((p) => p.id === body.contactId)) {
        throw unknownContact();
      }
      return opportunityAnswer(
        await saveOpportunity(
          deps,
          ctx,
          promoteParticipant({ opportunity: based, contactId: body.contactId }, ctx),
        ),
      );
    },
  }),
];
