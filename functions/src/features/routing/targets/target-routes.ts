import {
  idParams,
  pageOf,
  type RoutingTarget as RoutingTargetAnswer,
  routingTargetBody,
  routingTargetSchema,
} from "@dealflow/contract";
import type { RoutingTarget } from "@dealflow/core";
import type { RouteDeps } from "../../../api/api-context.js";
import { type ApiResult, type ApiRoute, defineApiRoute } from "../../../api/api-route.js";
import { ifMatchOf } from "../../../api/http/etag.js";
import { viewerOf } from "../../../identity/principal.js";
import {
  createTarget,
  deactivateTarget,
  listTargets,
  type SavedTarget,
  updateTarget,
} from "./target.service.js";

const routingTargetResponse = (target: RoutingTarget): RoutingTargetAnswer => {
  const { tenantId: _tenantId, version: _version, ...shown } = target;
  return shown;
};

const targetAnswer = (saved: SavedTarget, status = 200): ApiResult<RoutingTargetAnswer> => ({
  status,
  body: routingTargetResponse(saved.target),
  etag: saved.version,
});

const listTargetsRoute = (deps: RouteDeps): ApiRoute =>
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
      const targets = await listTargets(deps, viewerOf(principal));
      return { body: { items: targets.map(routingTargetResponse), nextCursor: null } };
    },
  });

const createTargetRoute = (deps: RouteDeps): ApiRoute =>
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
      return targetAnswer(await createTarget(deps, viewerOf(principal), body), 201);
    },
  });

const updateTargetRoute = (deps: RouteDeps): ApiRoute =>
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
      const viewer = viewerOf(principal);
      return targetAnswer(await updateTarget(deps, viewer, params.id, body, ifMatchOf(request)));
    },
  });

/** Deactivated, never deleted: the offers that name a target keep naming it. */
const deactivateTargetRoute = (deps: RouteDeps): ApiRoute =>
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
      const viewer = viewerOf(principal);
      return targetAnswer(await deactivateTarget(deps, viewer, params.id, ifMatchOf(request)));
    },
  });

export const targetRoutes = (deps: RouteDeps): ApiRoute[] => [
  listTargetsRoute(deps),
  createTargetRoute(deps),
  updateTargetRoute(deps),
  deactivateTargetRoute(deps),
];
