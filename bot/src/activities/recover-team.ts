import type { InstalledTeam } from "../ports/teams.js";
import { type IncomingActivity, tenantOf } from "./incoming-activity.js";
import { botChange } from "./sync-team.js";
import { ENTRA_ID, recordRoster, removedIn, type TeamSyncDeps } from "./team-roster.js";

const FROM_TEAMS = new Set(["message", "invoke", "conversationUpdate"]);

/** Records the team the Bot Connector describes: its group is Teams' answer, never the activity's. */
const recordFromConnector = async (
  activity: IncomingActivity,
  target: { tenantId: string; teamsTeamId: string; serviceUrl: string },
  deps: TeamSyncDeps,
): Promise<InstalledTeam | null> => {
  const { tenantId, teamsTeamId, serviceUrl } = target;
  const details = await deps.teamDetails(serviceUrl, teamsTeamId, tenantId);
  if (!ENTRA_ID.test(details.aadGroupId)) return null;
  const claimed = activity.channelData?.team?.aadGroupId;
  if (claimed !== undefined && claimed !== details.aadGroupId) {
    deps.log.warn(
      `An activity of team ${teamsTeamId} named group ${claimed}; the Bot Connector says ${details.aadGroupId}, which is recorded.`,
    );
  }
  const now = deps.clock().toISOString();
  const before = await deps.teams.getTeam(tenantId, details.aadGroupId);
  const team: InstalledTeam = {
    tenantId,
    aadGroupId: details.aadGroupId,
    name: details.name ?? before?.name ?? details.aadGroupId,
    teamsTeamId,
    serviceUrl,
    installedAt: before?.installedAt ?? now,
    updatedAt: now,
  };
  await deps.teams.installTeam(team);
  return team;
};

/**
 * A team the bot was added to before it recorded teams (or whose last roster read failed) is
 * recorded at its next activity: a message, an invoke or a conversationUpdate from one of its
 * channels. The Bot Connector is asked about the team (`GET /v3/teams/{id}`) and its roster is
 * read as on install. Each process looks at a team at most once a minute (TeamChecks), and a
 * failure is logged, never the turn's: the user is answered either way. True when the roster
 * was read (or tried) in this turn.
 */
export const recoverTeam = async (
  activity: IncomingActivity,
  deps: TeamSyncDeps,
): Promise<boolean> => {
  // The bot added or removed: syncTeam records or forgets the team from that activity itself.
  if (!FROM_TEAMS.has(activity.type) || botChange(activity) !== null) return false;
  const tenantId = tenantOf(activity);
  const teamsTeamId = activity.channelData?.team?.id;
  const serviceUrl = activity.serviceUrl;
  if (!tenantId || !teamsTeamId || !serviceUrl) return false;
  if (!deps.teamChecks.claim(tenantId, teamsTeamId, deps.clock())) return false;
  try {
    const recorded = await deps.teams.findTeam(tenantId, teamsTeamId);
    if (recorded !== null && recorded.rosterStaleSince === undefined) return false;
    const team =
      recorded ??
      (await recordFromConnector(activity, { tenantId, teamsTeamId, serviceUrl }, deps));
    if (team === null) return false;
    await recordRoster(team, removedIn(activity), deps);
    return true;
  } catch (error) {
    deps.log.warn(
      `Team ${teamsTeamId} (tenant ${tenantId}) could not be recorded from its activity; it is tried again in a minute.`,
      error,
    );
    return false;
  }
};
