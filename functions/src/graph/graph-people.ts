import { MIN_PEOPLE_QUERY, type PersonMatch } from "@dealflow/contract";
import type { GraphClient } from "./graph-client.js";
import { DEFAULT_PEOPLE_LIMIT, type People } from "./people.js";

/**
 * Delegated `User.ReadBasic.All` (no admin consent needed): the directory's members with the
 * fields the picker shows and nothing more, seen as the user sees them. Its ids are Entra
 * object ids, the same ids Dealflow's users have; /me/people (People.Read) would rank by
 * relevance but mixes in outside contacts whose ids are not directory users.
 */
export const PEOPLE_SCOPES = ["https://graph.microsoft.com/User.ReadBasic.All"];

type GraphUser = {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
};

// $search takes a quoted phrase; a double quote or backslash inside would end it early.
const searchTerm = (query: string) => query.replace(/["\\]/g, " ").trim();

/**
 * Directory search on behalf of the signed-in user: `$search` matches the start of any word
 * of the name or address ("gar" finds "Ana García"), which needs `ConsistencyLevel: eventual`.
 */
export const createGraphPeople = (graph: GraphClient): People => ({
  async search(who, query, limit = DEFAULT_PEOPLE_LIMIT) {
    const term = searchTerm(query);
    if (term.length < MIN_PEOPLE_QUERY) return [];
    const search = `"displayName:${term}" OR "mail:${term}"`;
    const params = new URLSearchParams({
      $search: search,
      $select: "id,displayName,mail,userPrincipalName",
      $top: String(Math.min(Math.max(limit, 1), 25)),
    });
    const answer = await graph.request<{ value?: GraphUser[] }>({
      actor: {
        kind: "user",
        tenantId: who.tenantId,
        userToken: who.userToken,
        scopes: PEOPLE_SCOPES,
      },
      method: "GET",
      path: `/users?${params.toString()}`,
      headers: { ConsistencyLevel: "eventual" },
    });
    return (answer?.value ?? []).map(
      (user): PersonMatch => ({
        id: user.id,
        name: user.displayName ?? user.userPrincipalName ?? user.id,
        email: user.mail ?? null,
      }),
    );
  },
});
