import {
  type IdGenerator,
  type Settings,
  type UseCaseContext,
  ulidGenerator,
  type Viewer,
} from "@dealflow/core";
import type { ServiceDeps } from "./service-deps.js";

/** Settings as stored: `version` is the row's ETag, absent until first saved. */
export type StoredSettings = Settings & { version?: string };

/** A use case run by someone: a signed-in user, the user behind a card, a seeded demo user. */
export type ActingContext = UseCaseContext & { actor: Viewer; settings: StoredSettings };

/** A use case run by nobody: intake, a marketplace, a deadline. */
export type SystemContext = UseCaseContext & { actor: null; settings: StoredSettings };

const sharedIds = ulidGenerator();

/** Where a service's new ids come from: the caller's generator, else the process's own. */
export const idsOf = (deps: Pick<ServiceDeps, "ids">): IdGenerator => deps.ids ?? sharedIds;

/** Nobody in particular: the system acting in a tenant (intake, the seed's incoming leads). */
export type SystemActor = { tenantId: string; system: true };

/** Who runs a use case that the system may also run. */
export type Actor = Viewer | SystemActor;

export const systemActor = (tenantId: string): SystemActor => ({ tenantId, system: true });

export const isSystemActor = (actor: Actor): actor is SystemActor => "system" in actor;

/** The context of `actor` acting now, under their tenant's current settings. */
export const actingContext = async (
  deps: Pick<ServiceDeps, "store" | "clock" | "ids">,
  actor: Viewer,
): Promise<ActingContext> => ({
  now: deps.clock(),
  actor,
  tenantId: actor.tenantId,
  settings: await deps.store.getSettings(actor.tenantId),
  ids: idsOf(deps),
});

/** The context of the system acting in a tenant now. */
export const systemContext = async (
  deps: Pick<ServiceDeps, "store" | "clock" | "ids">,
  tenantId: string,
): Promise<SystemContext> => ({
  now: deps.clock(),
  actor: null,
  tenantId,
  settings: await deps.store.getSettings(tenantId),
  ids: idsOf(deps),
});

/** The context of a user, or of the system, acting now. */
export const contextOf = (
  deps: Pick<ServiceDeps, "store" | "clock" | "ids">,
  actor: Actor,
): Promise<ActingContext | SystemContext> =>
  isSystemActor(actor) ? systemContext(deps, actor.tenantId) : actingContext(deps, actor);
