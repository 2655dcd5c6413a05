import azureFunctions from "@azure/functions";
import { createAppDeps } from "./app-deps.js";
import { readAppConfig } from "./config/app-config.js";
import { createFunctions } from "./create-functions.js";
import { registerWithAzure } from "./registry/register-with-azure.js";
import { createTableStorage } from "./storage/table-storage.js";

// The Azure Functions host loads this file (package.json "main"). @azure/functions is CommonJS,
// so its values come through the default import; Node's ESM loader finds no named exports.
const config = readAppConfig(process.env, "functions-host");
const storage = createTableStorage({ connectionString: config.storageConnectionString ?? "" });

registerWithAzure(
  azureFunctions.app,
  createFunctions(createAppDeps({ config, storage, clock: () => new Date(), log: console })),
);
