import type {
  InstalledTeam,
  RosterReader,
  TeamDetailsReader,
  TeamMember,
  TeamsPort,
} from "../ports/teams.js";
import type { ChannelAccount, IncomingActivity } from "./incoming-activity.js";
import type { TeamChecks } from "./team-checks.js";

/** Where warnings about a team go (the host's logger); a turn never fails for them. */
export type TeamLog = { warn(message: string, ...details: unknown[]): void };

export type TeamSyncDeps = {
  teams: TeamsPort;
  roster: RosterReader;
  /** `GET /v3/teams/{id}`: a team recorded from its next activity is named by this answer. */
  teamDetails: TeamDetailsReader;
  teamChecks: TeamChecks;
  clock: () => Date;
  log: TeamLog;
};

// Entra object and group ids are GUIDs; anything else is not a person or team we can key.
export const ENTRA_ID = /^[0-9A-Za-z-]{1,64}$/;

export const isBot = (member: ChannelAccount, activity: IncomingActivity) =>
  member.id === activity.recipient?.id;

/** The Entra ids of the people (not the bot) the activity names as removed. */
export const removedIn = (activity: IncomingActivity): Set<string> =>
  new Set(
    (activity.membersRemoved ?? [])
      .filter((member) => !isBot(member, activity))
      .map((member) => member.aadObjectId)
      .filter((id): id is string => typeof id === "string" && ENTRA_ID.test(id)),
  );

/**
 * Reads a recorded team's roster and writes the difference (SPEC §7). People named in
 * `removed` lose the team even if the roster, read a moment later, still lists them, and also
 * when the roster cannot be read: access is what must not linger. A failed read is logged and
 * leaves the team marked, to be read again at a later activity; it is never the turn's failure.
 * True when the roster was read.
 */
export const recordRoster = async (
  team: InstalledTeam,
  removed: ReadonlySet<string>,
  deps: TeamSyncDeps,
): Promise<boolean> => {
  const { tenantId, aadGroupId } = team;
  const now = deps.clock();
  let roster: Awaited<ReturnType<RosterReader>>;
  try {
    roster = await deps.roster(team.serviceUrl, team.teamsTeamId, tenantId);
  } catch (error) {
    if (removed.size > 0) await deps.teams.removeMembers(tenantId, aadGroupId, [...removed]);
    await deps.teams.markRosterStale(
      tenantId,
      aadGroupId,
      team.rosterStaleSince ?? now.toISOString(),
    );
    deps.log.warn(
      `The roster of team ${aadGroupId} (tenant ${tenantId}) could not be read; it is read again at a later activity of the team.`,
      error,
    );
    return false;
  }
  const members = new Map<string, TeamMember>();
  for (const member of roster) {
    const userId = member.aadObjectId;
    if (!userId || !ENTRA_ID.test(userId) || removed.has(userId)) continue;
    // A member of another tenant (a roster that is not this tenant's) never gets a team here.
    if (member.tenantId !== undefined && member.tenantId !== tenantId) continue;
    members.set(userId, {
      userId,
      name: member.name ?? null,
      email: member.email ?? member.userPrincipalName ?? null,
    });
  }
  await deps.teams.replaceRoster(tenantId, aadGroupId, [...members.values()], now);
  if (team.rosterStaleSince !== undefined) {
    await deps.teams.markRosterStale(tenantId, aadGroupId, null);
  }
  return true;
};
