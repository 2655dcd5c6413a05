import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { devTokenFunction } from "./dev-token.function.js";
import { devUsersFunction } from "./dev-users.function.js";

/** The dev sign-in routes, which exist only in dev mode (CONTRACTS.md); `/api/me` is an API route. */
export const identityFunctions = (
  deps: Pick<AppDeps, "authenticate" | "devTokens" | "store">,
): HttpFunctionDefinition[] => [
  ...(deps.devTokens === null
    ? []
    : [devUsersFunction(deps), devTokenFunction({ ...deps, devTokens: deps.devTokens })]),
];
