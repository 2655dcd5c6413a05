import {
  addFollower as addFollowerRule,
  addParticipant as addParticipantRule,
  assertCanEdit,
  DomainError,
  followOpportunity as followRule,
  muteOpportunity as muteRule,
  type Opportunity,
  type Outcome,
  promoteParticipant as promoteRule,
  removeFollower as removeFollowerRule,
  removeParticipant as removeParticipantRule,
  unchanged,
  unfollowOpportunity as unfollowRule,
  unmuteOpportunity as unmuteRule,
  type Viewer,
} from "@dealflow/core";
import type { People, PeopleSearcher } from "../../graph/people.js";
import type { ActingContext } from "../../service-kit/acting-context.js";
import { basedOn } from "../../service-kit/based-on.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { contactDirectory } from "../contact/index.js";
import { loadOpportunity, type SavedOpportunity, saveOpportunity } from "../opportunity/index.js";
import { assertKnownUser, type DirectoryHint, ensureDirectoryUser } from "../user/index.js";

type OwnRule = (input: { opportunity: Opportunity }, ctx: ActingContext) => Outcome<Opportunity>;

/** A change of one's own place on an opportunity: read access is enough (core checks it). */
const ownChange =
  (rule: OwnRule) =>
  async (deps: ServiceDeps, actor: Viewer, opportunityId: string): Promise<SavedOpportunity> => {
    const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
    return saveOpportunity(deps, ctx, rule({ opportunity }, ctx));
  };

/**
 * SPEC §4.1 and §4.6: anyone who may read an opportunity follows or unfollows it with one
 * click (the tab, the bot's `follow` / `unfollow`, a card's Unfollow), and a follower mutes
 * or unmutes its cards. Not an edit of its content, so no If-Match: two people following at
 * once must both succeed (a lost race is a 412 and the click is simply repeated).
 */
export const followOpportunity = ownChange(followRule);
export const unfollowOpportunity = ownChange(unfollowRule);
export const muteOpportunity = ownChange(muteRule);
export const unmuteOpportunity = ownChange(unmuteRule);

/** Who the directory search found, for a person who never used Dealflow yet. */
export type DirectoryPerson = { searcher: PeopleSearcher; hint: DirectoryHint | undefined };

/**
 * SPEC §4.1: the owner and managers add other people as followers: a user of the tenant or,
 * with `directory`, a person of the caller's directory, provisioned once the permission is
 * settled, so a refused add creates nobody.
 */
export const addFollower = async (
  deps: ServiceDeps & { graph?: { people: People } },
  actor: Viewer,
  opportunityId: string,
  userId: string,
  directory?: DirectoryPerson,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  const outcome = addFollowerRule({ opportunity, userId }, ctx);
  if (outcome.changes.length > 0) {
    if (directory === undefined || deps.graph === undefined) {
      await assertKnownUser(deps, actor.tenantId, userId, "userId");
    } else {
      const lookup = { store: deps.store, graph: deps.graph };
      await ensureDirectoryUser(lookup, directory.searcher, userId, directory.hint, "userId");
    }
  }
  return saveOpportunity(deps, ctx, outcome);
};

export const removeFollower = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  userId: string,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  return saveOpportunity(deps, ctx, removeFollowerRule({ opportunity, userId }, ctx));
};

const unknownContact = () => new DomainError("not-found", "The contact does not exist.");

/** SPEC §4.1: a contact of the tenant joins the client-side people of an opportunity. */
export const addParticipant = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  contactId: string,
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  // Refuse a follower before looking the contact up: the answer says nothing about it.
  assertCanEdit(ctx.actor, opportunity, ctx.settings);
  // SPEC §4.4: a hidden client's contact cannot be attached anywhere but its application.
  const contact = await contactDirectory(deps.store).get(actor.tenantId, contactId, opportunity.id);
  if (contact === null) throw unknownContact();
  const based = basedOn(opportunity, ifMatch);
  return saveOpportunity(deps, ctx, addParticipantRule({ opportunity: based, contact }, ctx));
};

export const removeParticipant = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  contactId: string,
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  const based = basedOn(opportunity, ifMatch);
  return saveOpportunity(deps, ctx, removeParticipantRule({ opportunity: based, contactId }, ctx));
};

/** SPEC §4.1: a participant becomes the Contact; the old Contact becomes a participant. */
export const promoteParticipant = async (
  deps: ServiceDeps,
  actor: Viewer,
  opportunityId: string,
  contactId: string,
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity } = await loadOpportunity(deps, actor, opportunityId);
  const based = basedOn(opportunity, ifMatch);
  if (contactId === opportunity.contact.id) {
    // Already the Contact: a repeated click is harmless, but only for those who may edit.
    assertCanEdit(ctx.actor, opportunity, ctx.settings);
    return saveOpportunity(deps, ctx, unchanged(based));
  }
  // Defence in depth: a participant that is another application's hidden client (attached
  // before attaching was refused) is not promoted into view either.
  const reachable = await contactDirectory(deps.store).get(
    actor.tenantId,
    contactId,
    opportunity.id,
  );
  if (reachable === null && opportunity.participants.some((p) => p.id === contactId)) {
    throw unknownContact();
  }
  return saveOpportunity(deps, ctx, promoteRule({ opportunity: based, contactId }, ctx));
};
