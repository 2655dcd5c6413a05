/** Someone the follower picker offers: `id` is the Entra object id, Dealflow's user id. */
export type PersonMatch = { id: string; name: string; email: string | null };

/** Whose directory to search: the signed-in user, with their SSO token for on-behalf-of. */
export type PeopleSearcher = { tenantId: string; userToken: string };

/** The follower picker's directory search (names and addresses starting with the words). */
export type People = {
  search(who: PeopleSearcher, query: string, limit?: number): Promise<PersonMatch[]>;
};

export const DEFAULT_PEOPLE_LIMIT = 10;
/** A query shorter than this matches half the directory; the picker asks for more letters. */
export const MIN_PEOPLE_QUERY = 2;
