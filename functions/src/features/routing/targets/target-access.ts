import { DomainError, isManager, type RoutingTarget, type Settings } from "@dealflow/core";
import type { RouteDeps } from "../../../api/api-context.js";
import { type Principal, viewerOf } from "../../../identity/principal.js";
import { assertKnownUser } from "../../user/index.js";
import type { RoutingTargetBody } from "./routing-target.schema.js";

/** The routing catalog is the managers' (SPEC §4.5: managed in Settings). */
export const assertRoutingManager = async (
  deps: Pick<RouteDeps, "store">,
  principal: Principal,
): Promise<Settings> => {
  const settings = await deps.store.getSettings(principal.tenantId);
  if (!isManager(viewerOf(principal), settings)) {
    throw new DomainError("forbidden", "Only managers manage routing.");
  }
  return settings;
};

export const loadTarget = async (
  deps: Pick<RouteDeps, "store">,
  tenantId: string,
  id: string,
): Promise<RoutingTarget> => {
  const target = await deps.store.getRoutingTarget(tenantId, id);
  if (target === null) throw new DomainError("not-found", "The routing target does not exist.");
  return target;
};

/** A body as a stored target: languages and services de-duplicated, the user checked. */
export const targetFromBody = async (
  deps: Pick<RouteDeps, "store">,
  tenantId: string,
  id: string,
  body: RoutingTargetBody,
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
