import type { User } from "@dealflow/core";
import type { AppDeps } from "../../functions/src/app-deps.js";
import {
  type DevTokenSubject,
  rolesForRole,
} from "../../functions/src/identity/dev-token-issuer.js";

export { MANAGER_ROLE } from "../../functions/src/identity/token-claims.js";

/**
 * A token the deps' authenticator trusts (dev mode), for any tenant and user, with the
 * claims Teams SSO would send: `roles: [MANAGER_ROLE]` makes a manager.
 */
export const mintToken = (deps: Pick<AppDeps, "devTokens">, subject: DevTokenSubject) => {
  if (deps.devTokens === null) throw new Error("mintToken needs deps made with AUTH_MODE=dev");
  return deps.devTokens.sign(subject);
};

/** A token for a user record, as `POST /api/dev/token` would issue it (role → app role). */
export const devTokenFor = (
  deps: Pick<AppDeps, "devTokens">,
  user: Pick<User, "tenantId" | "id" | "name" | "email" | "role">,
) =>
  mintToken(deps, {
    tenantId: user.tenantId,
    userId: user.id,
    name: user.name,
    email: user.email,
    roles: rolesForRole(user.role),
  });

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
