import { type PeopleFound, peopleFoundSchema, searchPeopleQuery } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { bearerTokenOf } from "../../identity/bearer-token.js";

/**
 * GET /api/people?q=: the follower picker's directory search, run on behalf of the caller
 * with their own token (Graph's on-behalf-of), so it sees exactly the people they may see
 * in their own tenant; locally the tenant's Dealflow users stand in for the directory.
 * Missing consent answers the consent-required problem; Graph down answers 503.
 */
export const searchPeopleRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "searchPeople",
    method: "GET",
    route: "people",
    summary: "Search the directory of the signed-in user's organisation",
    tag: "People",
    query: searchPeopleQuery,
    responses: {
      200: {
        description: "The people found",
        schema: peopleFoundSchema,
      },
      400: { description: "q missing, shorter than 2 or longer than 100 characters" },
      403: { description: "Nobody has consented yet to Dealflow searching the directory" },
      503: { description: "Microsoft 365 is not answering; retry after Retry-After" },
    },
    async handler({ query, principal, request }) {
      // Read at call time: tests point the Graph adapters at a loopback fake after start-up.
      const items = await deps.graph.people.search(
        { tenantId: principal.tenantId, userToken: bearerTokenOf(request) },
        query.q,
      );
      const body: PeopleFound = { items };
      return { body };
    },
  });
