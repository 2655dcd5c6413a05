import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { searchPeopleRoute } from "./search-people.route.js";

/** The directory search routes, for apiRoutes. */
export const peopleRoutes = (deps: RouteDeps): ApiRoute[] => [searchPeopleRoute(deps)];
