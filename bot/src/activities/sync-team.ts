import type { InstalledTeam } from "../ports/teams.js";
import type { IncomingActivity } from "./incoming-activity.js";
import { tenantOf } from "./incoming-activity.js";
import { ENTRA_ID, isBot, recordRoster, removedIn, type TeamSyncDeps } from "./team-roster.js";

export type { TeamSyncDeps } from "./team-roster.js";

/** How this activity changes the bot's presence in a team, if it does. */
export const botChange = (activity: IncomingActivity): "added" | "removed" | null => {
  if (activity.type === "installationUpdate") {
    if (activity.action?.startsWith("remove")) return "removed";
    if (activity.action?.startsWith("add")) return "added";
    return null;
  }
  if (activity.type !== "conversationUpdate") return null;
  if (activity.channelData?.eventType === "teamDeleted") return "removed";
  if ((activity.membersRemoved ?? []).some((member) => isBot(member, activity))) return "removed";
  if ((activity.membersAdded ?? []).some((member) => isBot(member, activity))) return "added";
  return null;
};

/**
 * SPEC §7, CONTRACTS "Bot": when the bot is added to a team, and on members added or removed,
 * the team's roster is read and each member with an Entra object id of this tenant gets the
 * team (`channelData.team.aadGroupId`). Members named as removed lose it even if the roster,
 * read a moment later, still lists them. Activities about a team the bot has no record of (or
 * that name a recorded team's group with another Teams id) change nothing here: recoverTeam
 * records such a team from the Bot Connector's answer. `rosterRead`: recoverTeam already read
 * the roster in this turn (with these removals).
 */
export const syncTeam = async (
  activity: IncomingActivity,
  deps: TeamSyncDeps,
  options: { rosterRead?: boolean } = {},
): Promise<void> => {
  if (activity.type !== "conversationUpdate" && activity.type !== "installationUpdate") return;
  const tenantId = tenantOf(activity);
  const team = activity.channelData?.team;
  const aadGroupId = team?.aadGroupId;
  const teamsTeamId = team?.id;
  const serviceUrl = activity.serviceUrl;
  if (!tenantId || !aadGroupId || !ENTRA_ID.test(aadGroupId) || !teamsTeamId || !serviceUrl) {
    return;
  }
  const change = botChange(activity);
  const installed = await deps.teams.getTeam(tenantId, aadGroupId);
  if (change === "removed") {
    if (installed?.teamsTeamId === teamsTeamId)
      await deps.teams.uninstallTeam(tenantId, aadGroupId);
    return;
  }
  const now = deps.clock();
  let recorded: InstalledTeam;
  if (change === "added") {
    recorded = {
      tenantId,
      aadGroupId,
      name: team?.name ?? installed?.name ?? aadGroupId,
      teamsTeamId,
      serviceUrl,
      installedAt: installed?.installedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await deps.teams.installTeam(recorded);
  } else {
    if (installed === null || installed.teamsTeamId !== teamsTeamId) return;
    // Settings offers teams by name: a rename in Teams shows there.
    if (activity.channelData?.eventType === "teamRenamed" && team?.name) {
      await deps.teams.installTeam({ ...installed, name: team.name, updatedAt: now.toISOString() });
      return;
    }
    const named = (activity.membersAdded?.length ?? 0) + (activity.membersRemoved?.length ?? 0);
    if (named === 0 || options.rosterRead) return;
    recorded = installed;
  }
  if (!(await recordRoster(recorded, removedIn(activity), deps))) {
    // Not read: the team's next activity reads it again (recoverTeam), not a minute later.
    deps.teamChecks.release(tenantId, teamsTeamId);
  }
};
