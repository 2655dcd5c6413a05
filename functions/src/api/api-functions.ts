import { meRoute } from "../identity/me.route.js";
import type { FunctionDefinition } from "../registry/function-definition.js";
import { reviewRoutes } from "../reviews/list-reviews.route.js";
import type { RouteDeps } from "./api-context.js";
import type { ApiRoute } from "./api-route.js";
import { channelRoutes } from "./channels/channel-routes.js";
import { contactRoutes } from "./contacts/contact-routes.js";
import { importRoutes } from "./import/import-routes.js";
import { intakeRoutes } from "./intake/intake-routes.js";
import { marketplaceRoutes } from "./marketplace/marketplace-routes.js";
import { offerRoutes } from "./offers/offer-routes.js";
import { openApiFunction } from "./openapi/openapi.function.js";
import { opportunityRoutes } from "./opportunities/opportunity-routes.js";
import { peopleRoutes } from "./people/people-routes.js";
import { reportRoutes } from "./reports/report-routes.js";
import { routingRoutes } from "./routing/routing-routes.js";
import { settingsRoutes } from "./settings/settings-routes.js";
import { taskRoutes } from "./tasks/task-routes.js";
import { userRoutes } from "./users/users-routes.js";

/**
 * Every REST route of the API, by feature. A feature adds its list here (one line); the
 * OpenAPI document is built from exactly this list.
 */
export const apiRoutes = (deps: RouteDeps): ApiRoute[] => [
  meRoute(deps),
  ...opportunityRoutes(deps),
  ...taskRoutes(deps),
  ...contactRoutes(deps),
  ...reportRoutes(deps),
  ...settingsRoutes(deps),
  ...intakeRoutes(deps),
  ...marketplaceRoutes(deps),
  ...importRoutes(deps),
  ...userRoutes(deps),
  ...channelRoutes(deps),
  ...routingRoutes(deps),
  ...offerRoutes(deps),
  ...peopleRoutes(deps),
  ...reviewRoutes(deps),
];

export const apiFunctions = (deps: RouteDeps): FunctionDefinition[] => {
  const routes = apiRoutes(deps);
  return [...routes.map((route) => route.definition), openApiFunction(routes)];
};
