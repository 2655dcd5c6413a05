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
};

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

/**
 * Where the bot records teams and their members, implemented by functions/ over Table Storage
 * (the bot writes nothing itself; see BotData).
 */
export type TeamsPort = {
  getTeam(tenantId: string, aadGroupId: string): Promise<InstalledTeam | null>;
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
};
