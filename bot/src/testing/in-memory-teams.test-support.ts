import type { InstalledTeam, TeamMember, TeamsPort } from "../ports/teams.js";

/** TeamsPort over maps, for the bot's own tests (functions/ tests the Table Storage one). */
export const inMemoryTeams = () => {
  const teams = new Map<string, InstalledTeam>();
  const members = new Map<string, Map<string, TeamMember>>();
  const key = (tenantId: string, aadGroupId: string) => `${tenantId}/${aadGroupId}`;
  const port: TeamsPort = {
    getTeam: async (tenantId, aadGroupId) => teams.get(key(tenantId, aadGroupId)) ?? null,
    findTeam: async (tenantId, teamsTeamId) =>
      [...teams.values()].find((t) => t.tenantId === tenantId && t.teamsTeamId === teamsTeamId) ??
      null,
    installTeam: async (team) => {
      teams.set(key(team.tenantId, team.aadGroupId), team);
    },
    uninstallTeam: async (tenantId, aadGroupId) => {
      teams.delete(key(tenantId, aadGroupId));
      members.delete(key(tenantId, aadGroupId));
    },
    replaceRoster: async (tenantId, aadGroupId, roster) => {
      members.set(key(tenantId, aadGroupId), new Map(roster.map((m) => [m.userId, m])));
    },
    removeMembers: async (tenantId, aadGroupId, userIds) => {
      for (const userId of userIds) members.get(key(tenantId, aadGroupId))?.delete(userId);
    },
    markRosterStale: async (tenantId, aadGroupId, since) => {
      const team = teams.get(key(tenantId, aadGroupId));
      if (!team) return;
      const { rosterStaleSince: _was, ...rest } = team;
      teams.set(
        key(tenantId, aadGroupId),
        since === null ? rest : { ...rest, rosterStaleSince: since },
      );
    },
  };
  return {
    port,
    teams,
    membersOf: (tenantId: string, aadGroupId: string) =>
      [...(members.get(key(tenantId, aadGroupId))?.keys() ?? [])].sort(),
  };
};
