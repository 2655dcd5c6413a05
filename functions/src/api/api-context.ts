import type { AppDeps } from "../app-deps.js";
import { type Authenticator, type Principal, viewerOf } from "../identity/principal.js";
import { type ActingContext, actingContext } from "../service-kit/acting-context.js";

/** What a route handler needs besides its input: the shared store and clock. */
export type RouteDeps = Pick<AppDeps, "store" | "clock" | "config" | "queue" | "graph"> & {
  authenticate: Authenticator;
};

/**
 * The context of a signed-in user's request, for routes that only read (a write goes through
 * its feature's service, which builds the same context from the user's Viewer).
 */
export const userContext = (
  deps: Pick<RouteDeps, "store" | "clock">,
  principal: Principal,
): Promise<ActingContext> => actingContext(deps, viewerOf(principal));
