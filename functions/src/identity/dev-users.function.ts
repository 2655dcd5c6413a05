import type { User } from "@dealflow/core";
import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { DEMO_TENANT_ID } from "../seed/demo-tenant.js";
import type { Store } from "../storage/store.js";
import { problemOf } from "./problem-of.js";

/** CONTRACTS.md: the body of `GET /api/dev/users`. */
export type DevUsersBody = {
  tenantId: string;
  users: { id: string; name: string; email: string | null; role: User["role"] }[];
};

/** Every user of a tenant, following the store's pages. */
export const listAllUsers = async (store: Store, tenantId: string): Promise<User[]> => {
  const users: User[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listUsers(tenantId, cursor === null ? undefined : { cursor });
    users.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return users;
};

/** Dev mode only: the demo users the browser-mode sign-in offers, one button each. */
export const devUsersFunction = (deps: Pick<AppDeps, "store">): HttpFunctionDefinition => ({
  name: "devUsers",
  trigger: "http",
  methods: ["GET"],
  route: "dev/users",
  authLevel: "anonymous",
  handler: async (_request, context) => {
    try {
      const users = await listAllUsers(deps.store, DEMO_TENANT_ID);
      const body: DevUsersBody = {
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
