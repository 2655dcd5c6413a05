import { type DevToken, devTokenRequest } from "@dealflow/contract";
import { DomainError } from "@dealflow/core";
import { readJsonBody } from "../api/http/request-body.js";
import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { DEMO_TENANT_ID } from "../seed/demo-tenant.js";
import { type DevTokenIssuer, rolesForRole } from "./dev-token-issuer.js";
import { problemOf } from "./problem-of.js";

/** Dev mode only: a token for a demo user, as Teams SSO would hand the tab one. */
export const devTokenFunction = (
  deps: Pick<AppDeps, "store"> & { devTokens: DevTokenIssuer },
): HttpFunctionDefinition => ({
  name: "devToken",
  trigger: "http",
  methods: ["POST"],
  route: "dev/token",
  authLevel: "anonymous",
  handler: async (request, context) => {
    try {
      const { userId } = devTokenRequest.parse(await readJsonBody(request));
      const user = await deps.store.getUser(DEMO_TENANT_ID, userId.toLowerCase());
      if (user === null || !user.active) {
        throw new DomainError("not-found", "There is no demo user with this id.");
      }
      const token = await deps.devTokens.sign({
        tenantId: user.tenantId,
        userId: user.id,
        name: user.name,
        email: user.email,
        roles: rolesForRole(user.role),
      });
      return {
        status: 200,
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
        jsonBody: { token } satisfies DevToken,
      };
    } catch (error) {
      return problemOf(error, context);
    }
  },
});
