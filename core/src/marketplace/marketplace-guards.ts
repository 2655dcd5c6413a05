import type { MarketplaceApplication, Opportunity } from "../opportunity/opportunity.types.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";

/**
 * The application of an opportunity a marketplace event is about, once the actor may record
 * it: the system (the connector's webhook) or, for manual entry, the owner or a manager.
 */
export const applicationFor = (
  opportunity: Opportunity,
  ctx: UseCaseContext,
): MarketplaceApplication => {
  assertInTenant(opportunity, ctx.tenantId);
  assertCanEdit(ctx.actor, opportunity, ctx.settings);
  if (opportunity.marketplace === null) {
    throw new DomainError("invalid-state", "The opportunity did not come from a marketplace.");
  }
  return opportunity.marketplace;
};

/** SPEC §4.4: a declined application is closed for good; later events must not reopen it. */
export const assertNotWithheld = (application: MarketplaceApplication): void => {
  if (application.visibility === "withheld") {
    throw new DomainError(
      "invalid-state",
      "The client declined this application: it takes no further events.",
    );
  }
};
