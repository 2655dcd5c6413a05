import { DomainError, isManager, type Viewer } from "@dealflow/core";
import type { StoredSettings } from "./acting-context.js";
import type { ServiceDeps } from "./service-deps.js";

/**
 * Refuses anyone but a manager (SPEC §7: settings, reports, routing and reviews are theirs)
 * with 403 and `message`; returns the tenant's settings, which the check had to read.
 */
export const assertManager = async (
  deps: Pick<ServiceDeps, "store">,
  viewer: Viewer,
  message: string,
): Promise<StoredSettings> => {
  const settings = await deps.store.getSettings(viewer.tenantId);
  if (!isManager(viewer, settings)) throw new DomainError("forbidden", message);
  return settings;
};
