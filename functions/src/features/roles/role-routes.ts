import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { followerRoutes } from "./followers.routes.js";
import { participantRoutes } from "./participants.routes.js";

/** Who is on an opportunity (SPEC §4.1): its followers and its client-side participants. */
export const roleRoutes = (deps: RouteDeps): ApiRoute[] => [
  ...followerRoutes(deps),
  ...participantRoutes(deps),
];
