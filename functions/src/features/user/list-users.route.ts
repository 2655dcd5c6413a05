import { pageOf, pageQuerySchema, type UserSummary, userSummarySchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";

/**
 * GET /api/users: the signed-in user's tenant's users, one index range read, paged (default
 * 50, at most 200 per page, `nextCursor` for the next). Any signed-in user of the tenant may
 * read it: names and emails of colleagues are what every owner column and picker shows.
 * Nothing of another tenant is reachable: the range is the caller's tenant partition.
 */
export const listUsersRoute = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listUsers",
    method: "GET",
    route: "users",
    summary: "The users of the signed-in user's tenant, by id",
    tag: "Users",
    query: pageQuerySchema,
    responses: {
      200: { description: "A page of the tenant's users", schema: pageOf(userSummarySchema) },
      400: { description: "A malformed cursor or limit" },
    },
    async handler({ query, principal }) {
      const page = await deps.store.listUsers(principal.tenantId, {
        cursor: query.cursor ?? null,
        ...(query.limit ? { limit: query.limit } : {}),
      });
      const items: UserSummary[] = page.items.map((user) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        active: user.active,
      }));
      return { body: { items, nextCursor: page.nextCursor } };
    },
  });
