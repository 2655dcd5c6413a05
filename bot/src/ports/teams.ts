/**
 * A team the bot is installed in, named by its Entra group id (`channelData.team.aadGroupId`):
 * the id a pipeline's `teamId` names (SPEC §7, CONTRACTS "Bot").
 */
export type InstalledTeam = {
  tenantId: string;
  aadGroupId: string;
  name: string;
  /** Teams' own id of the team (`channelData.team.id`): the conversation its roster is read from. */
  teamsTeamId: string;
  serviceUrl: string;
  installedAt: string;
  updatedAt: string;
  /** The last roster read failed (since then): the team's next activity reads it again. */
  rosterStaleSince?: string;
};

/** What the Bot Connector says about a team (`GET /v3/teams/{teamsTeamId}`). */
export type TeamDetails = { id: string; name: string | null; aadGroupId: string };

/** One person of a roster, as a Dealflow user would be keyed: their Entra object id. */
export type TeamMember = { userId: string; name: string | null; email: string | null };

/** A member as Teams lists them (`GET /v3/conversations/{teamId}/pagedmembers`). */
export type RosterMember = {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
};

/** Reads a whole roster, every page; throws when the connector does not answer it. */
export type RosterReader = (
  serviceUrl: string,
  teamsTeamId: string,
  tenantId: string,
) => Promise<RosterMember[]>;

/** Asks the Bot Connector about a team; throws when it does not answer with its group. */
export type TeamDetailsReader = (
  serviceUrl: string,
  teamsTeamId: string,
  tenantId: string,
) => Promise<TeamDetails>;

/**
 * Where the bot records teams and their members, implemented by functions/ over Table Storage
 * (the bot writes nothing itself; see BotData).
 */
export type TeamsPort = {
  getTeam(tenantId: string, aadGroupId: string): Promise<InstalledTeam | null>;
  /** The installed team of a Teams team id (`channelData.team.id`), if the bot recorded it. */
  findTeam(tenantId: string, teamsTeamId: string): Promise<InstalledTeam | null>;
  installTeam(team: InstalledTeam): Promise<void>;
  /** The bot left the team: the team and every membership of it go at once. */
  uninstallTeam(tenantId: string, aadGroupId: string): Promise<void>;
  /** The roster as Teams lists it now: roster members not in it lose the team, new ones get it. */
  replaceRoster(
    tenantId: string,
    aadGroupId: string,
    members: readonly TeamMember[],
    at: Date,
  ): Promise<void>;
  /** Members Teams said were removed, when the roster could not be read. */
  removeMembers(tenantId: string, aadGroupId: string, userIds: readonly string[]): Promise<void>;
  /**
   * Marks a recorded team's roster as unread since `since` (null: read again). Changes nothing
   * when the team is no longer recorded, so an uninstall is never undone.
   */
  markRosterStale(tenantId: string, aadGroupId: string, since: string | null): Promise<void>;
};
