import type { PersonMatch } from "@dealflow/contract";
import type { User } from "@dealflow/core";
import type { Store } from "../storage/store.js";
import { lostRace } from "./provision-principal.js";

/**
 * Provisions a person of the tenant's directory who has not signed in to Dealflow yet (a
 * follower added from the directory search), as their first sign-in would: a seller unless
 * the tenant's manager list names them, in the tenant's language. Their first sign-in then
 * refreshes name, email and role from their token. Answers the stored record, theirs if a
 * parallel request (or their own sign-in) wrote first.
 */
export const provisionDirectoryUser = async (
  store: Store,
  tenantId: string,
  person: PersonMatch,
): Promise<User> => {
  const settings = await store.getSettings(tenantId);
  const user: User = {
    tenantId,
    id: person.id,
    name: person.name,
    email: person.email,
    role: settings.managerIds.includes(person.id) ? "manager" : "seller",
    locale: settings.locale,
    timeZone: null,
    active: true,
    teamIds: [],
  };
  try {
    await store.commit(tenantId, {
      changes: [{ entity: "user", before: null, after: user }],
      schedule: [],
      cancel: [],
    });
    return user;
  } catch (error) {
    if (!lostRace(error)) throw error;
    const winner = await store.getUser(tenantId, person.id);
    if (!winner) throw error;
    return winner;
  }
};
