import type { PersonMatch } from "@dealflow/contract";

/** Whose directory to search: the signed-in user, with their SSO token for on-behalf-of. */
export type PeopleSearcher = { tenantId: string; userToken: string };

/** The follower picker's directory search (names and addresses starting with the words). */
export type People = {
  search(who: PeopleSearcher, query: string, limit?: number): Promise<PersonMatch[]>;
};

export const DEFAULT_PEOPLE_LIMIT = 10;
