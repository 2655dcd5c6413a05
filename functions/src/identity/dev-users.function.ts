import type { DevUsers } from "@dealflow/contract";
import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { DEMO_TENANT_ID } from "../seed/demo-tenant.js";
import { allUsers } from "../storage/all-users.js";
import { problemOf } from "./problem-of.js";

/** Dev mode only: the demo users the browser-mode sign-in offers, one button each. */
export const devUsersFunction = (deps: Pick<AppDeps, "store">): HttpFunctionDefinition => ({
  name: "devUsers",
  trigger: "http",
  methods: ["GET"],
  route: "dev/users",
  authLevel: "anonymous",
  handler: async (_request, context) => {
    try {
      const users = await allUsers(deps.store, DEMO_TENANT_ID);
      const body: DevUsers = {
        tenantId: DEMO_TENANT_ID,
        users: users
          .filter((user) => user.active)
          .map(({ id, name, email, role }) => ({ id, name, email, role })),
      };
      return {
        status: 200,
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
        jsonBody: body,
      };
    } catch (error) {
      return problemOf(error, context);
    }
  },
});
