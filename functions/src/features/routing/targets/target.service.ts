import type { RoutingTargetInput } from "@dealflow/contract";
import { DomainError, type RoutingTarget, type Viewer } from "@dealflow/core";
import { idsOf } from "../../../service-kit/acting-context.js";
import { assertManager } from "../../../service-kit/assert-manager.js";
import { basedOn } from "../../../service-kit/based-on.js";
import type { ServiceDeps } from "../../../service-kit/service-deps.js";
import { routingTargetKey } from "../../../storage/rows/record.rows.js";
import { assertKnownUser } from "../../user/index.js";
import { loadCatalog } from "../routing-catalog.js";

/** A target as written (or as read, when nothing changed), with its version. */
export type SavedTarget = { target: RoutingTarget; version: string | undefined };

/** The routing catalog is the managers' (SPEC §4.5: managed in Settings). */
const assertRoutingManager = (deps: Pick<ServiceDeps, "store">, actor: Viewer) =>
  assertManager(deps, actor, "Only managers manage routing.");

const loadTarget = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  id: string,
): Promise<RoutingTarget> => {
  const target = await deps.store.getRoutingTarget(tenantId, id);
  if (target === null) throw new DomainError("not-found", "The routing target does not exist.");
  return target;
};

/** A body as a stored target: languages and services de-duplicated, the user checked. */
const targetFromBody = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  id: string,
  body: RoutingTargetInput,
): Promise<RoutingTarget> => {
  if (body.userId !== null) await assertKnownUser(deps, tenantId, body.userId, "userId");
  return {
    ...body,
    tenantId,
    id,
    secondaryLanguages: [...new Set(body.secondaryLanguages)],
    services: [...new Set(body.services)],
  };
};

/** Commits one target (created when `before` is null) and returns it with its new version. */
const saveTarget = async (
  deps: Pick<ServiceDeps, "store">,
  before: RoutingTarget | null,
  after: RoutingTarget,
): Promise<SavedTarget> => {
  const result = await deps.store.commit(after.tenantId, {
    changes: [{ entity: "routing-target", before, after }],
    schedule: [],
    cancel: [],
  });
  return { target: after, version: result.versions.get(routingTargetKey(after.id)) };
};

/** Every target of the catalog, active or not, by name (managers). */
export const listTargets = async (deps: ServiceDeps, actor: Viewer): Promise<RoutingTarget[]> => {
  await assertRoutingManager(deps, actor);
  const { targets } = await loadCatalog(deps.store, actor.tenantId);
  return [...targets].sort((a, b) => a.name.localeCompare(b.name));
};

/** A seller or partner organisation joins the routing catalog. */
export const createTarget = async (
  deps: ServiceDeps,
  actor: Viewer,
  body: RoutingTargetInput,
): Promise<SavedTarget> => {
  await assertRoutingManager(deps, actor);
  const target = await targetFromBody(deps, actor.tenantId, idsOf(deps)(), body);
  return saveTarget(deps, null, target);
};

/** Replaces a target's details; its rating and counts stay as client reviews made them. */
export const updateTarget = async (
  deps: ServiceDeps,
  actor: Viewer,
  targetId: string,
  body: RoutingTargetInput,
  ifMatch?: string | null,
): Promise<SavedTarget> => {
  await assertRoutingManager(deps, actor);
  const before = basedOn(await loadTarget(deps, actor.tenantId, targetId), ifMatch);
  const edited = await targetFromBody(deps, actor.tenantId, before.id, body);
  // Client reviews feed these (SPEC §4.5); an edit keeps them as stored, so a form read
  // before a review arrived cannot undo it.
  const after: RoutingTarget = {
    ...edited,
    rating: before.rating,
    reviewCount: before.reviewCount,
    completedProjects: before.completedProjects,
  };
  return saveTarget(deps, before, after);
};

/**
 * Targets are deactivated, never deleted: their offers, past and pending, keep naming them.
 * A deactivated target receives no new offer; its pending ones still take an answer.
 */
export const deactivateTarget = async (
  deps: ServiceDeps,
  actor: Viewer,
  targetId: string,
  ifMatch?: string | null,
): Promise<SavedTarget> => {
  await assertRoutingManager(deps, actor);
  const before = basedOn(await loadTarget(deps, actor.tenantId, targetId), ifMatch);
  if (!before.active) return { target: before, version: before.version };
  return saveTarget(deps, before, { ...before, active: false });
};
