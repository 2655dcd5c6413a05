import { apiFunctions } from "./api/api-functions.js";
import type { AppDeps } from "./app-deps.js";
import { healthFunction } from "./health/health.function.js";
import { identityFunctions } from "./identity/identity-functions.js";
import type { FunctionDefinition } from "./registry/function-definition.js";

/** The composition root: every function of the app, wired to its dependencies. */
export const createFunctions = (deps: AppDeps): FunctionDefinition[] => [
  healthFunction(deps),
  ...identityFunctions(deps),
  ...apiFunctions(deps),
];
