import type { UserSummary } from "@dealflow/contract";
import type { PersonMatch } from "../../../api/detail-api.js";

/** Someone the follower picker offers; `known`: already a Dealflow user (no provisioning). */
export type FollowerCandidate = PersonMatch & { known: boolean };

/** How many of the tenant's users are suggested before the directory's answers. */
export const COLLEAGUE_SUGGESTIONS = 8;

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

// The same rule as the directory search: the start of any word of the name or address.
const matches = (user: UserSummary, term: string) =>
  term === "" ||
  fold(`${user.name} ${user.email ?? ""}`)
    .split(/[\s@.]+/)
    .some((word) => word.startsWith(term));

/**
 * The picker's two lists: the tenant's active users matching what was typed come first (the
 * people one usually adds), then the directory's answers not already among them. Inactive
 * users are left out of both: the API refuses them.
 */
export const followerCandidates = (input: {
  query: string;
  users: readonly UserSummary[];
  directory: readonly PersonMatch[];
  excluded: ReadonlySet<string>;
}): { colleagues: FollowerCandidate[]; directory: FollowerCandidate[] } => {
  const term = fold(input.query.trim());
  const byId = new Map(input.users.map((user) => [user.id, user]));
  const colleagues = input.users
    .filter((user) => user.active && !input.excluded.has(user.id) && matches(user, term))
    .slice(0, COLLEAGUE_SUGGESTIONS)
    .map((user) => ({ id: user.id, name: user.name, email: user.email, known: true }));
  const shown = new Set(colleagues.map((person) => person.id));
  const directory = input.directory
    .filter((person) => !shown.has(person.id) && !input.excluded.has(person.id))
    .filter((person) => byId.get(person.id)?.active !== false)
    .map((person) => ({ ...person, known: byId.has(person.id) }));
  return { colleagues, directory };
};
