import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { Settings } from "../settings/settings.js";
import { DomainError } from "../shared/domain-error.js";
import type { Viewer } from "../user/user.types.js";

/** SPEC §7: managers by app role, or listed in the tenant's settings for tenants without roles. */
export const isManager = (viewer: Viewer, settings: Pick<Settings, "managerIds">): boolean =>
  viewer.role === "manager" || settings.managerIds.includes(viewer.userId);

/**
 * SPEC §7: another tenant never; managers everything; a seller what they own, follow, or
 * what sits in a pipeline shared (`team` visibility) with a team they belong to.
 */
export const canRead = (
  viewer: Viewer,
  opportunity: Opportunity,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): boolean => {
  if (viewer.tenantId !== opportunity.tenantId) return false;
  if (isManager(viewer, settings)) return true;
  if (opportunity.ownerId === viewer.userId) return true;
  if (opportunity.followers.includes(viewer.userId)) return true;
  const pipeline = settings.pipelines.find((p) => p.id === opportunity.pipelineId);
  return (
    pipeline?.visibility === "team" &&
    pipeline.teamId !== null &&
    viewer.teamIds.includes(pipeline.teamId)
  );
};

/** SPEC §7: sellers edit what they own, managers everything; followers only read. */
export const canEdit = (
  viewer: Viewer,
  opportunity: Opportunity,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): boolean =>
  viewer.tenantId === opportunity.tenantId &&
  (isManager(viewer, settings) || opportunity.ownerId === viewer.userId);

/**
 * Guards a use case: what the viewer may not see is `not-found` (its existence must not
 * leak), what they may see but not change is `forbidden`. A null viewer is the system.
 */
export const assertCanEdit = (
  viewer: Viewer | null,
  opportunity: Opportunity,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): void => {
  if (viewer === null) return;
  if (!canRead(viewer, opportunity, settings)) {
    throw new DomainError("not-found", "The opportunity does not exist.");
  }
  if (!canEdit(viewer, opportunity, settings)) {
    throw new DomainError("forbidden", "Only the owner or a manager can change this opportunity.");
  }
};

export const assertCanRead = (
  viewer: Viewer | null,
  opportunity: Opportunity,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): void => {
  if (viewer !== null && !canRead(viewer, opportunity, settings)) {
    throw new DomainError("not-found", "The opportunity does not exist.");
  }
};
