import {
  idParams,
  opportunitySchema,
  participantParams,
  promoteContactBody,
} from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { ifMatchOf } from "../../api/http/etag.js";
import { viewerOf } from "../../identity/principal.js";
import { opportunityAnswer } from "../opportunity/index.js";
import { addParticipant, promoteParticipant, removeParticipant } from "./roles.service.js";

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
      const saved = await addParticipant(
        deps,
        viewerOf(principal),
        params.id,
        params.contactId,
        ifMatchOf(request),
      );
      return opportunityAnswer(saved);
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
      const saved = await removeParticipant(
        deps,
        viewerOf(principal),
        params.id,
        params.contactId,
        ifMatchOf(request),
      );
      return opportunityAnswer(saved);
    },
  }),
  defineApiRoute(deps, {
    name: "setOpportunityContact",
    method: "PUT",
    route: "opportunities/{id}/contact",
    summary: "Promote a participant to Contact (the old Contact becomes a participant)",
    tag: "Participants",
    params: idParams,
    body: promoteContactBody,
    responses: { ...answers, 400: { description: "The contact is not a participant" } },
    async handler({ params, body, principal, request }) {
      const saved = await promoteParticipant(
        deps,
        viewerOf(principal),
        params.id,
        body.contactId,
        ifMatchOf(request),
      );
      return opportunityAnswer(saved);
    },
  }),
];
