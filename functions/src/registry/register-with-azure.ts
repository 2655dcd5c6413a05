import type { app as azureApp } from "@azure/functions";
import { type FunctionDefinition, QUEUE_CONNECTION_SETTING } from "./function-definition.js";
import { validateDefinitions } from "./validate-definitions.js";

type AzureApp = Pick<typeof azureApp, "http" | "timer" | "storageQueue">;

export const registerWithAzure = (app: AzureApp, definitions: readonly FunctionDefinition[]) => {
  validateDefinitions(definitions);
  for (const definition of definitions) {
    switch (definition.trigger) {
      case "http":
        app.http(definition.name, {
          methods: [...definition.methods],
          route: definition.route,
          authLevel: definition.authLevel,
          handler: definition.handler,
        });
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
};
