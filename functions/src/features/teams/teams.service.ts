import type { InstalledTeam, TeamsPort } from "@dealflow/bot";
import type { Team, TeamMemberSummary } from "@dealflow/contract";
import { DomainError, isManager, type Viewer } from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import type { TeamMembership } from "../../storage/teams/team-store.js";

/**
 * What the bot records when it is added to a team or its members change (SPEC §7); the bot
 * writes nothing itself (bot/src/ports/bot-data.ts), so this is its way to the store.
 */
export const teamsPortOf = (deps: Pick<ServiceDeps, "store">): TeamsPort => {
  const teams = deps.store.teams;
  return {
    getTeam: (tenantId, aadGroupId) => teams.getTeam(tenantId, aadGroupId),
    findTeam: (tenantId, teamsTeamId) => teams.findTeam(tenantId, teamsTeamId),
    installTeam: (team) => teams.installTeam(team),
    uninstallTeam: (tenantId, aadGroupId) => teams.uninstallTeam(tenantId, aadGroupId),
    replaceRoster: (tenantId, aadGroupId, members, at) =>
      teams.replaceRoster(tenantId, aadGroupId, members, at),
    removeMembers: (tenantId, aadGroupId, userIds) =>
      teams.removeMembers(tenantId, aadGroupId, userIds),
    markRosterStale: (tenantId, aadGroupId, since) =>
      teams.markRosterStale(tenantId, aadGroupId, since),
  };
};

const assertManager = async (deps: Pick<ServiceDeps, "store">, actor: Viewer) => {
  const settings = await deps.store.getSettings(actor.tenantId);
  if (!isManager(actor, settings)) {
    throw new DomainError("forbidden", "Only managers see and change teams.");
  }
};

/** An installed team of the actor's tenant, or 404 (a team the bot is not in does not exist). */
const installedTeam = async (deps: Pick<ServiceDeps, "store">, tenantId: string, id: string) => {
  const team = await deps.store.teams.getTeam(tenantId, id);
  if (team === null) throw new DomainError("not-found", "The bot is not installed in that team.");
  return team;
};

const teamView = async (
  deps: Pick<ServiceDeps, "store">,
  team: InstalledTeam,
  users: Map<string, { name: string; email: string | null }>,
): Promise<Team> => {
  const memberships = await deps.store.teams.membersOf(team.tenantId, team.aadGroupId);
  const members: TeamMemberSummary[] = memberships
    .map((m: TeamMembership) => {
      const user = users.get(m.userId);
      return {
        userId: m.userId,
        name: user?.name ?? m.name,
        email: user?.email ?? m.email,
        fromTeams: m.roster,
        addedByManager: m.manual,
        isUser: user !== undefined,
      };
    })
    .sort((a, b) => (a.name ?? a.userId).localeCompare(b.name ?? b.userId));
  return { id: team.aadGroupId, name: team.name, installedAt: team.installedAt, members };
};

const usersOf = async (deps: Pick<ServiceDeps, "store">, tenantId: string) => {
  const users = new Map<string, { name: string; email: string | null }>();
  let cursor: string | null = null;
  do {
    const page = await deps.store.listUsers(tenantId, { cursor, limit: 200 });
    for (const user of page.items) users.set(user.id, { name: user.name, email: user.email });
    cursor = page.nextCursor;
  } while (cursor !== null);
  return users;
};

/** GET /api/teams: the teams the bot is installed in, with their members (managers). */
export const listTeams = async (deps: Pick<ServiceDeps, "store">, actor: Viewer) => {
  await assertManager(deps, actor);
  const [teams, users] = await Promise.all([
    deps.store.teams.listTeams(actor.tenantId),
    usersOf(deps, actor.tenantId),
  ]);
  const items = await Promise.all(teams.map((team) => teamView(deps, team, users)));
  return items.sort((a, b) => a.name.localeCompare(b.name));
};

/**
 * Settings' fallback (a person Teams does not list, say): a manager gives a Dealflow user a
 * team the bot is installed in. It holds whatever later roster reads say.
 */
export const addTeamMember = async (
  deps: ServiceDeps,
  actor: Viewer,
  teamId: string,
  userId: string,
): Promise<Team> => {
  await assertManager(deps, actor);
  const team = await installedTeam(deps, actor.tenantId, teamId);
  const user = await deps.store.getUser(actor.tenantId, userId);
  if (user === null || !user.active) {
    throw new DomainError("validation", "That person is not a user of this organisation.", [
      { path: "userId", message: "is not an active user of this tenant" },
    ]);
  }
  await deps.store.teams.addManualMember(
    actor.tenantId,
    team.aadGroupId,
    { userId, name: user.name, email: user.email },
    deps.clock(),
  );
  return teamView(deps, team, await usersOf(deps, actor.tenantId));
};

/**
 * A manager takes a team from someone, at once. Someone Teams still lists gets it back on the
 * bot's next roster read (the next time members change); Teams is where to remove them.
 */
export const removeTeamMember = async (
  deps: ServiceDeps,
  actor: Viewer,
  teamId: string,
  userId: string,
): Promise<Team> => {
  await assertManager(deps, actor);
  const team = await installedTeam(deps, actor.tenantId, teamId);
  if (!(await deps.store.teams.removeMember(actor.tenantId, team.aadGroupId, userId))) {
    throw new DomainError("not-found", "That person is not a member of the team.");
  }
  return teamView(deps, team, await usersOf(deps, actor.tenantId));
};
