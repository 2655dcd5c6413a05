import type { app as azureApp } from "@azure/functions";
import {
  type FunctionDefinition,
  type HttpFunctionDefinition,
  QUEUE_CONNECTION_SETTING,
} from "./function-definition.js";
import { validateDefinitions } from "./validate-definitions.js";

type AzureApp = Pick<typeof azureApp, "http" | "timer" | "storageQueue">;

/** Where the API's and the bot's HTTP functions live; host.json's `routePrefix` is "". */
export const API_ROUTE_PREFIX = "api";

export type AzureRegistration = {
  /**
   * The tab pages (`site/tab-site.function.ts`), registered at its own route (`{*path}`) with no
   * prefix. Azure only: the local host serves the tabs itself and never gets this definition.
   */
  site?: HttpFunctionDefinition;
};

/**
 * Registers the definitions with the Azure Functions host. host.json's `routePrefix` is "" so that
 * the tab can be served at `/`; every HTTP definition is therefore registered at `api/<route>`,
 * keeping its URL (`/api/opportunities`, `/api/messages`, `/api/health`) what the local host and
 * the clients use. The site's catch-all `{*path}` cannot shadow them: Azure Functions (ASP.NET
 * routing) gives routes with literal segments precedence over catch-all parameters, whatever the
 * order of registration; it only gets the paths no API route matches.
 */
export const registerWithAzure = (
  app: AzureApp,
  definitions: readonly FunctionDefinition[],
  { site }: AzureRegistration = {},
) => {
  validateDefinitions(site ? [...definitions, site] : definitions);
  for (const definition of definitions) {
    switch (definition.trigger) {
      case "http":
        registerHttp(app, definition, httpRoute(definition));
        break;
      case "timer":
        app.timer(definition.name, {
          schedule: definition.schedule,
          runOnStartup: definition.runOnStartup ?? false,
          handler: definition.handler,
        });
        break;
      case "queue":
        app.storageQueue(definition.name, {
          queueName: definition.queueName,
          connection: QUEUE_CONNECTION_SETTING,
          handler: definition.handler,
        });
        break;
    }
  }
  if (site) registerHttp(app, site, site.route);
};

/** The route a definition is registered at: `api/<route>`, or `<route>` for a site-root page. */
export const httpRoute = (definition: HttpFunctionDefinition): string =>
  definition.atSiteRoot ? definition.route : `${API_ROUTE_PREFIX}/${definition.route}`;

const registerHttp = (app: AzureApp, definition: HttpFunctionDefinition, route: string) =>
  app.http(definition.name, {
    methods: [...definition.methods],
    route,
    authLevel: definition.authLevel,
    handler: definition.handler,
  });
