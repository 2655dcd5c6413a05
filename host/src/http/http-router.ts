import {
  API_ROUTE_PREFIX,
  type HttpFunctionDefinition,
  httpRoute,
} from "@dealflow/functions/hosting";
import {
  compareRoutePrecedence,
  compileRouteTemplate,
  type RouteParams,
  type RouteTemplate,
} from "./route-template.js";

/** The prefix of every HTTP function's URL, as registerWithAzure registers them in Azure. */
export const ROUTE_PREFIX = API_ROUTE_PREFIX;

export type RouteResolution =
  | { kind: "found"; definition: HttpFunctionDefinition; params: RouteParams }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

export type HttpRouter = { resolve(method: string, path: string): RouteResolution };

type Route = { template: RouteTemplate; definition: HttpFunctionDefinition };

export const createHttpRouter = (definitions: readonly HttpFunctionDefinition[]): HttpRouter => {
  const routes: Route[] = definitions
    .map((definition) => ({
      definition,
      template: compileRouteTemplate(httpRoute(definition)),
    }))
    .sort((a, b) => compareRoutePrecedence(a.template, b.template));
  assertNoConflicts(routes);

  return {
    resolve(method, path) {
      const matches = routes.flatMap((route) => {
        const params = route.template.match(path);
        return params ? [{ ...route, params }] : [];
      });
      if (matches.length === 0) return { kind: "not-found" };
      const upper = method.toUpperCase();
      const found = matches.find((route) => route.definition.methods.some((m) => m === upper));
      if (found) return { kind: "found", definition: found.definition, params: found.params };
      const allow = new Set(matches.flatMap((route) => route.definition.methods));
      return { kind: "method-not-allowed", allow: [...allow] };
    },
  };
};

const assertNoConflicts = (routes: readonly Route[]) => {
  const seen = new Map<string, string>();
  for (const { template, definition } of routes) {
    for (const method of definition.methods) {
      const key = `${method} ${template.template.toLowerCase()}`;
      const other = seen.get(key);
      if (other) throw new Error(`Functions "${other}" and "${definition.name}" both serve ${key}`);
      seen.set(key, definition.name);
    }
  }
};
