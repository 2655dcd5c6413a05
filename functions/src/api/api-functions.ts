import { channelRoutes } from "../features/channels/index.js";
import { contactRoutes } from "../features/contact/index.js";
import { firstContactRoute } from "../features/first-contact/index.js";
import { importRoutes } from "../features/import/index.js";
import { intakeRoutes } from "../features/intake/index.js";
import { marketplaceRoutes } from "../features/marketplace/index.js";
import { noteRoutes } from "../features/note/index.js";
import { opportunityRoutes } from "../features/opportunity/index.js";
import { peopleRoutes } from "../features/people/index.js";
import { reportRoutes } from "../features/reports/index.js";
import { reviewRoutes } from "../features/reviews/index.js";
import { roleRoutes } from "../features/roles/index.js";
import { offerRoutes, routingRoutes } from "../features/routing/index.js";
import { settingsRoutes } from "../features/settings/index.js";
import { taskRoutes } from "../features/task/index.js";
import { teamRoutes } from "../features/teams/index.js";
import { userRoutes } from "../features/user/index.js";
import { meRoute } from "../identity/me.route.js";
import type { FunctionDefinition } from "../registry/function-definition.js";
import type { RouteDeps } from "./api-context.js";
import type { ApiRoute } from "./api-route.js";
import { openApiFunction } from "./openapi/openapi.function.js";

/**
 * Every REST route of the API, by feature. A feature adds its list here (one line); the
 * OpenAPI document is built from exactly this list.
 */
export const apiRoutes = (deps: RouteDeps): ApiRoute[] => [
  meRoute(deps),
  ...opportunityRoutes(deps),
  firstContactRoute(deps),
  ...roleRoutes(deps),
  ...noteRoutes(deps),
  ...taskRoutes(deps),
  ...contactRoutes(deps),
  ...reportRoutes(deps),
  ...settingsRoutes(deps),
  ...intakeRoutes(deps),
  ...marketplaceRoutes(deps),
  ...importRoutes(deps),
  ...userRoutes(deps),
  ...channelRoutes(deps),
  ...teamRoutes(deps),
  ...routingRoutes(deps),
  ...offerRoutes(deps),
  ...peopleRoutes(deps),
  ...reviewRoutes(deps),
];

export const apiFunctions = (deps: RouteDeps): FunctionDefinition[] => {
  const routes = apiRoutes(deps);
  return [...routes.map((route) => route.definition), openApiFunction(routes)];
};
