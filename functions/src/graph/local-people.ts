import { MIN_PEOPLE_QUERY } from "@dealflow/contract";
import { allUsers } from "../storage/all-users.js";
import type { Store } from "../storage/store.js";
import { DEFAULT_PEOPLE_LIMIT, type People } from "./people.js";

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * Local mode has no directory: the tenant's Dealflow users stand in for it, matched the way
 * Graph's `$search` matches (the start of any word of the name or address, accents ignored).
 */
export const createLocalPeople = (store: Store): People => ({
  async search(who, query, limit = DEFAULT_PEOPLE_LIMIT) {
    const term = fold(query.trim());
    if (term.length < MIN_PEOPLE_QUERY) return [];
    const users = await allUsers(store, who.tenantId);
    return users
      .filter((user) => user.active)
      .filter((user) =>
        fold(`${user.name} ${user.email ?? ""}`)
          .split(/[\s@.]+/)
          .some((word) => word.startsWith(term)),
      )
      .slice(0, limit)
      .map((user) => ({ id: user.id, name: user.name, email: user.email }));
  },
});
