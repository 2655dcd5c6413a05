import { createHash } from "node:crypto";
import { type Me, meSchema } from "@dealflow/contract";
import { type ApiDeps, type ApiRoute, defineApiRoute } from "../api/api-route.js";
import type { Principal } from "./principal.js";

export const meBodyOf = (principal: Principal): Me => ({
  id: principal.userId,
  tenantId: principal.tenantId,
  name: principal.name,
  role: principal.role,
  locale: principal.locale,
});

// The role comes from the token as well as the record, so the tag hashes the answer itself.
const etagOf = (body: Me) =>
  `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;

/** GET /api/me: who the bearer token signs in (provisioning them on their first request). */
export const meRoute = (deps: ApiDeps): ApiRoute =>
  defineApiRoute(deps, {
    name: "me",
    method: "GET",
    route: "me",
    summary: "The signed-in user",
    tag: "identity",
    responses: {
      200: { description: "The signed-in user", schema: meSchema },
      304: { description: "Unchanged since the ETag sent in If-None-Match" },
    },
    handler: async ({ principal, request }) => {
      const body = meBodyOf(principal);
      const etag = etagOf(body);
      const headers = { "Cache-Control": "private, no-cache", Vary: "Authorization" };
      if (request.headers.get("if-none-match") === etag) return { status: 304, etag, headers };
      return { body, etag, headers };
    },
  });
