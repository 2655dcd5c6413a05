import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { listUsersRoute } from "./list-users.route.js";

/** The user directory routes, for apiRoutes. */
export const userRoutes = (deps: RouteDeps): ApiRoute[] => [listUsersRoute(deps)];
