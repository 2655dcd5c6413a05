import { z } from "zod";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { MIN_PEOPLE_QUERY } from "../../graph/people.js";
import { bearerTokenOf } from "../../identity/bearer-token.js";

/** A person of the directory as the follower picker offers them (id = Entra object id). */
export const personMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
});

const query = z.object({ q: z.string().trim().min(MIN_PEOPLE_QUERY).max(100) });

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
    query,
    responses: {
      200: {
        description: "The people found",
        schema: z.object({ items: z.array(personMatchSchema) }),
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
      return { body: { items } };
    },
  });
