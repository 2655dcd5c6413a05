import { type RoutingTarget, ulidGenerator } from "@dealflow/core";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { idParams, pageOf } from "../../../api/api-schemas.js";
import { baseVersion } from "../../../api/http/etag.js";
import { routingTargetKey } from "../../../storage/rows/record.rows.js";
import { loadCatalog } from "../routing-catalog.js";
import {
  routingTargetBody,
  routingTargetResponse,
  routingTargetSchema,
} from "./routing-target.schema.js";
import { assertRoutingManager, loadTarget, targetFromBody } from "./target-access.js";

const ids = ulidGenerator();

/** Commits one target (created when `before` is null) and answers it with its new version. */
const saveTarget = async (
  deps: RouteDeps,
  tenantId: string,
  before: RoutingTarget | null,
  after: RoutingTarget,
) => {
  const result = await deps.store.commit(tenantId, {
    changes: [{ entity: "routing-target", before, after }],
    schedule: [],
    cancel: [],
  });
  return {
    body: routingTargetResponse(after),
    etag: result.versions.get(routingTargetKey(after.id)),
  };
};

const listTargets = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "listRoutingTargets",
    method: "GET",
    route: "routing/targets",
    summary: "The routing targets (managers), by name",
    tag: "Routing",
    responses: {
      200: {
        description: "Every routing target, active or not",
        schema: pageOf(routingTargetSchema),
      },
      403: { description: "Only managers manage routing" },
    },
    async handler({ principal }) {
      await assertRoutingManager(deps, principal);
      const { targets } = await loadCatalog(deps.store, principal.tenantId);
      const sorted = [...targets].sort((a, b) => a.name.localeCompare(b.name));
      return { body: { items: sorted.map(routingTargetResponse), nextCursor: null } };
    },
  });

const createTarget = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "createRoutingTarget",
    method: "POST",
    route: "routing/targets",
    summary: "Add a seller or partner organisation to the routing catalog (managers)",
    tag: "Routing",
    body: routingTargetBody,
    responses: {
      201: { description: "The new target", schema: routingTargetSchema },
      400: { description: "An invalid field (named), or a user who is not in the tenant" },
      403: { description: "Only managers manage routing" },
    },
    async handler({ body, principal }) {
      await assertRoutingManager(deps, principal);
      const target = await targetFromBody(deps, principal.tenantId, ids(), body);
      return { status: 201, ...(await saveTarget(deps, principal.tenantId, null, target)) };
    },
  });

const updateTarget = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "updateRoutingTarget",
    method: "PUT",
    route: "routing/targets/{id}",
    summary:
      "Replace a routing target's details (managers; If-Match); rating and counts stay as reviews made them",
    tag: "Routing",
    params: idParams,
    body: routingTargetBody,
    responses: {
      200: { description: "The target as saved", schema: routingTargetSchema },
      400: { description: "An invalid field (named)" },
      403: { description: "Only managers manage routing" },
      404: { description: "No such target" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, body, principal, request }) {
      await assertRoutingManager(deps, principal);
      const { tenantId } = principal;
      const before = baseVersion(await loadTarget(deps, tenantId, params.id), request);
      const edited = await targetFromBody(deps, tenantId, before.id, body);
      // Client reviews feed these (SPEC §4.5); an edit keeps them as stored, so a form read
      // before a review arrived cannot undo it.
      const after: RoutingTarget = {
        ...edited,
        rating: before.rating,
        reviewCount: before.reviewCount,
        completedProjects: before.completedProjects,
      };
      return saveTarget(deps, tenantId, before, after);
    },
  });

/**
 * Targets are deactivated, never deleted: their offers, past and pending, keep naming them.
 * A deactivated target receives no new offer; its pending ones still take an answer.
 */
const deactivateTarget = (deps: RouteDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "deactivateRoutingTarget",
    method: "DELETE",
    route: "routing/targets/{id}",
    summary: "Deactivate a routing target (managers): it receives no new offers",
    tag: "Routing",
    params: idParams,
    responses: {
      200: { description: "The deactivated target", schema: routingTargetSchema },
      403: { description: "Only managers manage routing" },
      404: { description: "No such target" },
      412: { description: "If-Match is stale" },
    },
    async handler({ params, principal, request }) {
      await assertRoutingManager(deps, principal);
      const { tenantId } = principal;
      const before = baseVersion(await loadTarget(deps, tenantId, params.id), request);
      if (!before.active) return { body: routingTargetResponse(before), etag: before.version };
      const after = { ...before, active: false };
      return saveTarget(deps, tenantId, before, after);
    },
  });

export const targetRoutes = (deps: RouteDeps): ApiRoute[] => [
  listTargets(deps),
  createTarget(deps),
  updateTarget(deps),
  deactivateTarget(deps),
];
