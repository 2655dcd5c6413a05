import { validationError } from "@dealflow/core";
import type { People, PeopleSearcher } from "../../graph/people.js";
import { provisionDirectoryUser } from "../../identity/provision-directory-user.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";

/**
 * An owner must be a person of the tenant (provisioned on their first sign-in), so nothing is
 * handed to a mistyped id that nobody would ever see.
 */
export const assertKnownUser = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  userId: string,
  path: string,
): Promise<void> => {
  const user = await deps.store.getUser(tenantId, userId);
  if (user === null || !user.active)
    throw validationError(path, "is not an active user of this tenant");
};

/** What the picker knew of a person it found in the directory: how to find them again. */
export type DirectoryHint = { name: string; email?: string | null | undefined };

/**
 * A follower may be someone who never used Dealflow yet, picked from the directory search.
 * The hint is only a search term: the person is looked up again in the caller's own
 * directory (their token, their tenant) and provisioned from what the directory says, so a
 * client cannot invent a user or reach one of another organisation. A deactivated Dealflow
 * user stays refused: their manager switched them off on purpose.
 */
export const ensureDirectoryUser = async (
  deps: Pick<ServiceDeps, "store"> & { graph: { people: People } },
  searcher: PeopleSearcher,
  userId: string,
  hint: DirectoryHint | undefined,
  path: string,
): Promise<void> => {
  const known = await deps.store.getUser(searcher.tenantId, userId);
  if (known !== null) {
    if (!known.active) throw validationError(path, "is not an active user of this tenant");
    return;
  }
  if (hint === undefined) throw validationError(path, "is not an active user of this tenant");
  // The address finds one person; the name is the fallback for people without a mailbox.
  const terms = [hint.email, hint.name].filter((term): term is string => Boolean(term?.trim()));
  for (const term of terms) {
    const matches = await deps.graph.people.search(searcher, term, 25);
    const person = matches.find((match) => match.id === userId);
    if (person) {
      await provisionDirectoryUser(deps.store, searcher.tenantId, person);
      return;
    }
  }
  throw validationError(path, "is not a person of this organisation's directory");
};
