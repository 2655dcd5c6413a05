import { type Settings, type UseCaseContext, ulidGenerator } from "@dealflow/core";
import type { AppDeps } from "../app-deps.js";
import { type Authenticator, type Principal, viewerOf } from "../identity/principal.js";

/** What a route handler needs besides its input: the shared store and clock. */
export type RouteDeps = Pick<AppDeps, "store" | "clock" | "config" | "queue" | "graph"> & {
  authenticate: Authenticator;
};

const ids = ulidGenerator();

/** The use-case context of a signed-in user's request: their tenant's current settings. */
export const userContext = async (
  deps: Pick<RouteDeps, "store" | "clock">,
  principal: Principal,
): Promise<UseCaseContext & { settings: Settings & { version?: string } }> => ({
  now: deps.clock(),
  actor: viewerOf(principal),
  tenantId: principal.tenantId,
  settings: await deps.store.getSettings(principal.tenantId),
  ids,
});

/** The use-case context of the system acting in a tenant (intake, imports run as nobody). */
export const systemContext = async (
  deps: Pick<RouteDeps, "store" | "clock">,
  tenantId: string,
): Promise<UseCaseContext> => ({
  now: deps.clock(),
  actor: null,
  tenantId,
  settings: await deps.store.getSettings(tenantId),
  ids,
});
