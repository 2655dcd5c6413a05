import { validationError } from "@dealflow/core";
import type { RouteDeps } from "../api-context.js";

/**
 * An owner must be a person of the tenant (provisioned on their first sign-in), so nothing is
 * handed to a mistyped id that nobody would ever see.
 */
export const assertKnownUser = async (
  deps: Pick<RouteDeps, "store">,
  tenantId: string,
  userId: string,
  path: string,
): Promise<void> => {
  const user = await deps.store.getUser(tenantId, userId);
  if (user === null || !user.active)
    throw validationError(path, "is not an active user of this tenant");
};
