import type { Contact as ContactView } from "@dealflow/contract";
import {
  type Contact,
  canRead,
  type Opportunity,
  redactContact,
  redactHiddenContact,
  type Settings,
  type Viewer,
} from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";

/** Enough for any real contact; the store caps a page at 200. */
const MAX_OPPORTUNITIES_READ = 400;

/**
 * Every opportunity the contact takes part in (as Contact or participant), read through the
 * `cop` pointers so each comes with its version. The contact record itself does not know
 * whether it is a hidden marketplace client; its opportunities do.
 */
export const opportunitiesOfContact = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  contactId: string,
): Promise<Opportunity[]> => {
  const found: Opportunity[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.store.listOpportunities(
      tenantId,
      { kind: "contact", contactId },
      { cursor, limit: 200 },
    );
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && found.length < MAX_OPPORTUNITIES_READ);
  return found;
};

export const presentContact = (contact: Contact, hidden: boolean): ContactView => {
  const shown = hidden ? redactContact(contact) : contact;
  return {
    id: shown.id,
    name: shown.name,
    email: shown.email,
    phone: shown.phone,
    company: shown.company,
    linkedinUrl: shown.linkedinUrl,
    preferredChannel: shown.preferredChannel,
    classification: shown.classification,
    tags: shown.tags,
    createdAt: shown.createdAt,
    updatedAt: shown.updatedAt,
    hidden,
  };
};

/** The contact's opportunities the viewer may read, titles redacted like the opportunity. */
export const visibleOpportunities = (
  viewer: Viewer,
  opportunities: readonly Opportunity[],
  settings: Pick<Settings, "managerIds" | "pipelines">,
) =>
  opportunities
    .filter((opportunity) => canRead(viewer, opportunity, settings))
    .map(redactHiddenContact)
    .map(({ id, title, stage, status, ownerId }) => ({ id, title, stage, status, ownerId }));
