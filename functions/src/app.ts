import azureFunctions from "@azure/functions";
import { createAppDeps } from "./app-deps.js";
import { readAppConfig } from "./config/app-config.js";
import { createFunctions } from "./create-functions.js";
import { startTelemetry } from "./observability/telemetry.js";
import { registerWithAzure } from "./registry/register-with-azure.js";
import { createTabSiteFunction } from "./site/tab-site.function.js";
import { tabSiteRoot } from "./site/tab-site-root.js";
import { storageConfigOf } from "./storage/storage-connection.js";
import { createTableStorage } from "./storage/table-storage.js";

// The Azure Functions host loads this file (package.json "main"). @azure/functions is CommonJS,
// so its values come through the default import; Node's ESM loader finds no named exports.
const config = readAppConfig(process.env, "functions-host");
// Before anything else does I/O, so that Azure Monitor sees the app's HTTP and storage calls.
await startTelemetry(process.env);
// A connection string, or the account's URLs with a managed identity (docs/deploy.md).
const storage = createTableStorage(storageConfigOf(config));

registerWithAzure(
  azureFunctions.app,
  createFunctions(createAppDeps({ config, storage, clock: () => new Date(), log: console })),
  // The tab pages at `/`, same origin as the API (docs/deploy.md, "Where the tab is hosted").
  { site: createTabSiteFunction(tabSiteRoot(process.env, import.meta.url)) },
);
