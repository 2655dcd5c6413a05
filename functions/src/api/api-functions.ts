import { meRoute } from "../identity/me.route.js";
import type { FunctionDefinition } from "../registry/function-definition.js";
import type { RouteDeps } from "./api-context.js";
import type { ApiRoute } from "./api-route.js";
import { openApiFunction } from "./openapi/openapi.function.js";

/**
 * Every REST route of the API, by feature. A feature adds its list here (one line); the
 * OpenAPI document is built from exactly this list.
 */
export const apiRoutes = (deps: RouteDeps): ApiRoute[] => [meRoute(deps)];

export const apiFunctions = (deps: RouteDeps): FunctionDefinition[] => {
  const routes = apiRoutes(deps);
  return [...routes.map((route) => route.definition), openApiFunction(routes)];
};
