import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { listUsersRoute } from "./list-users.route.js";
import { putPreferencesRoute } from "./put-preferences.route.js";

/** The user directory routes and the signed-in user's preferences, for apiRoutes. */
export const userRoutes = (deps: RouteDeps): ApiRoute[] => [
  listUsersRoute(deps),
  putPreferencesRoute(deps),
];
