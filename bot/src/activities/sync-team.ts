import type { InstalledTeam, RosterReader, TeamMember, TeamsPort } from "../ports/teams.js";
import type { ChannelAccount, IncomingActivity } from "./incoming-activity.js";
import { tenantOf } from "./incoming-activity.js";

export type TeamSyncDeps = { teams: TeamsPort; roster: RosterReader; clock: () => Date };

// Entra object and group ids are GUIDs; anything else is not a person or team we can key.
const ENTRA_ID = /^[0-9A-Za-z-]{1,64}$/;

const isBot = (member: ChannelAccount, activity: IncomingActivity) =>
  member.id === activity.recipient?.id;

const entraIdsOf = (members: ChannelAccount[] | undefined, activity: IncomingActivity) =>
  (members ?? [])
    .filter((member) => !isBot(member, activity))
    .map((member) => member.aadObjectId)
    .filter((id): id is string => typeof id === "string" && ENTRA_ID.test(id));

/** How this activity changes the bot's presence in a team, if it does. */
const botChange = (activity: IncomingActivity): "added" | "removed" | null => {
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
 * read a moment later, still lists them. Activities about a team the bot is not installed in
 * (or that name an installed team's group with another Teams id) change nothing.
 */
export const syncTeam = async (activity: IncomingActivity, deps: TeamSyncDeps): Promise<void> => {
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
  if (change === "added") {
    const record: InstalledTeam = {
      tenantId,
      aadGroupId,
      name: team?.name ?? installed?.name ?? aadGroupId,
      teamsTeamId,
      serviceUrl,
      installedAt: installed?.installedAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await deps.teams.installTeam(record);
  } else {
    if (installed === null || installed.teamsTeamId !== teamsTeamId) return;
    // Settings offers teams by name: a rename in Teams shows there.
    if (activity.channelData?.eventType === "teamRenamed" && team?.name) {
      await deps.teams.installTeam({ ...installed, name: team.name, updatedAt: now.toISOString() });
      return;
    }
    const named = (activity.membersAdded?.length ?? 0) + (activity.membersRemoved?.length ?? 0);
    if (named === 0) return;
  }
  const removed = new Set(entraIdsOf(activity.membersRemoved, activity));
  let roster: Awaited<ReturnType<RosterReader>>;
  try {
    roster = await deps.roster(serviceUrl, teamsTeamId, tenantId);
  } catch (error) {
    // Without the roster, a removal still takes effect: access is what must not linger.
    if (removed.size > 0) await deps.teams.removeMembers(tenantId, aadGroupId, [...removed]);
    throw error;
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
};
