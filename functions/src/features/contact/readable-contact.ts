import { type Contact, canRead, DomainError, type UseCaseContext } from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { contactDirectory } from "./contact-directory.js";

/**
 * A contact's profile by id, as the user may open it. A hidden marketplace client's profile
 * belongs to its application (SPEC §4.4): only someone who may read that opportunity opens
 * it, redacted; anyone else gets the 404 of a contact that does not exist (SPEC §7).
 */
export const readableContact = async (
  deps: Pick<ServiceDeps, "store">,
  ctx: Pick<UseCaseContext, "tenantId" | "actor" | "settings">,
  id: string,
): Promise<{ contact: Contact; hidden: boolean }> => {
  const contact = await deps.store.getContact(ctx.tenantId, id);
  if (contact === null) throw new DomainError("not-found", "The contact does not exist.");
  const application = await contactDirectory(deps.store).hidingApplication(ctx.tenantId, contact);
  if (application === null) return { contact, hidden: false };
  if (ctx.actor === null || !canRead(ctx.actor, application, ctx.settings)) {
    throw new DomainError("not-found", "The contact does not exist.");
  }
  return { contact, hidden: true };
};
