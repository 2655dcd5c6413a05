import { type Contact, createContact, type NewContactFields, type Viewer } from "@dealflow/core";
import { actingContext } from "../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { contactKey } from "../../storage/rows/contact.rows.js";
import { contactDirectory } from "./contact-directory.js";

export type AddedContact =
  | { created: true; contact: Contact; version: string | undefined }
  /** Another contact the user may reach has this email: offered, nothing written. */
  | { created: false; duplicateOf: Contact };

/**
 * SPEC §4.1: a new contact, by any signed-in user. An email another contact already has is
 * not merged behind the user's back: the existing contact is offered instead, unless the user
 * says two people share the address (`allowDuplicate`). A hidden marketplace client is not
 * found by its email (the directory leaves it out), so its identity does not leak here.
 */
export const addContact = async (
  deps: ServiceDeps,
  actor: Viewer,
  fields: NewContactFields,
  options: { allowDuplicate: boolean },
): Promise<AddedContact> => {
  const ctx = await actingContext(deps, actor);
  const outcome = createContact(fields, ctx);
  const { email } = outcome.value;
  if (email !== null && !options.allowDuplicate) {
    const same = await contactDirectory(deps.store).findByEmail(actor.tenantId, email);
    if (same !== null) return { created: false, duplicateOf: same };
  }
  const { versions } = await deps.store.commit(actor.tenantId, outcome);
  return {
    created: true,
    contact: outcome.value,
    version: versions.get(contactKey(outcome.value.id)),
  };
};
