// What a host of these functions other than Azure's needs: the local host (host/, `npm start`,
// `npm run sweep`) imports the app through this file only (`@dealflow/functions/hosting`), so
// the app never has to know about it. Azure loads app.ts instead.

export { createAppDeps, type Logger } from "./app-deps.js";
export { readAppConfig } from "./config/app-config.js";
export { ConfigError } from "./config/config-error.js";
export { isLoopbackHost } from "./config/is-loopback-host.js";
export { answersLoopbackOnly } from "./config/loopback-only.js";
export { createFunctions } from "./create-functions.js";
export { problemResponse } from "./http/problem-response.js";
export type {
  FunctionDefinition,
  HttpFunctionDefinition,
  QueueFunctionDefinition,
  TimerFunctionDefinition,
} from "./registry/function-definition.js";
export { poisonQueueName } from "./registry/queue-name.js";
export { API_ROUTE_PREFIX, httpRoute } from "./registry/register-with-azure.js";
export { validateDefinitions } from "./registry/validate-definitions.js";
export { seedDemoTenantIfEmpty } from "./seed/seed-demo-tenant.js";
export { siteResponse } from "./site/site-response.js";
export { sweepOnce } from "./sla/sweep-once.js";
export { createTableStorage } from "./storage/table-storage.js";
