import { idParams, noteBody, noteSchema, pageOf, pageQuerySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { loadOpportunity, noteResponse } from "../opportunity/index.js";
import { addNote } from "./note.service.js";

/** SPEC §4.2: notes at any time, newest first, with author and time. */
export const noteRoutes = (deps: RouteDeps): ApiRoute[] => [
  defineApiRoute(deps, {
    name: "listOpportunityNotes",
    method: "GET",
    route: "opportunities/{id}/notes",
    summary: "The opportunity's notes, newest first",
    tag: "Notes",
    params: idParams,
    query: pageQuerySchema,
    responses: {
      200: { description: "A page of notes", schema: pageOf(noteSchema) },
      404: { description: "No such opportunity, or not one the user may see" },
    },
    async handler({ params, query, principal }) {
      const { opportunity } = await loadOpportunity(deps, principal, params.id);
      const page = await deps.store.listNotes(principal.tenantId, opportunity.id, {
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      });
      return {
        body: {
          items: page.items.map((note) => noteResponse(note, opportunity)),
          nextCursor: page.nextCursor,
        },
      };
    },
  }),
  defineApiRoute(deps, {
    name: "addOpportunityNote",
    method: "POST",
    route: "opportunities/{id}/notes",
    summary: "Add a note (owner and managers; followers read only)",
    tag: "Notes",
    params: idParams,
    body: noteBody,
    responses: {
      201: { description: "The note", schema: noteSchema },
      403: { description: "Followers read only" },
      404: { description: "No such opportunity, or not one the user may see" },
    },
    async handler({ params, body, principal }) {
      const { note, opportunity } = await addNote(deps, viewerOf(principal), params.id, body.text);
      return { status: 201, body: noteResponse(note, opportunity) };
    },
  }),
];
