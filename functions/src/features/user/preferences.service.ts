import { type User, type UserPreferences, withPreferences } from "@dealflow/core";
import { lostRace } from "../../identity/provision-principal.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";

/** Whose record: the signed-in user (API) or the sender of a Teams activity (bot), never a third. */
export type Person = { tenantId: string; userId: string };

type StoredUser = User & { version?: string };

const ATTEMPTS = 3;

/**
 * Records a person's language and time zone as their Teams reports them (the tab's session, the
 * bot's activities), writing only a change. A person without a record (never signed in) gets
 * none: the API provisions people, the bot does not. The record's version guards the write; a
 * concurrent write (a sign-in refreshing the name) is re-read and the change applied again.
 * Answers the record as it now is, or null for no such user.
 */
export const recordPreferences = async (
  deps: Pick<ServiceDeps, "store">,
  person: Person,
  preferences: UserPreferences,
): Promise<User | null> => {
  for (let attempt = 1; ; attempt += 1) {
    const stored = (await deps.store.getUser(person.tenantId, person.userId)) as StoredUser | null;
    if (stored === null) return null;
    const { version: _version, ...record } = stored;
    const after = withPreferences(record, preferences);
    if (after === null) return record;
    try {
      await deps.store.commit(person.tenantId, {
        changes: [{ entity: "user", before: stored, after }],
        schedule: [],
        cancel: [],
      });
      return after;
    } catch (error) {
      if (!lostRace(error) || attempt >= ATTEMPTS) throw error;
    }
  }
};
