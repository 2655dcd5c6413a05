import type { TransactionAction } from "@azure/data-tables";
import type { InstalledTeam, TeamMember } from "@dealflow/bot";
import { keyPart, prefixRange, rangeFilter } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/**
 * One person's membership of one team. `roster`: Teams lists them (the bot's last read);
 * `manual`: a manager added them in Settings. A membership lasts while either holds.
 */
export type TeamMembership = TeamMember & {
  teamId: string;
  roster: boolean;
  manual: boolean;
  since: string;
};

type Row = { rowKey?: string; data: string };

// Two rows per membership, each membership's pair in one transaction (≤100 operations).
const PAIRS_PER_BATCH = 50;

/**
 * Installed teams and their members, rows of the tenant's partition apart from the user
 * records, so provisioning a user (or re-provisioning one) never touches their teams and a
 * member who never signed in has theirs waiting:
 * - `team|<group>`: a team the bot is installed in;
 * - `tmem|<group>|<user>`: its members (Settings, roster diffs, uninstall);
 * - `uteam|<user>|<group>`: the same membership by user, read on every request (teamIdsOf).
 */
export const createTeamStore = (
  storage: TableStorage,
  options: { clock?: () => Date; teamlessTtlMs?: number } = {},
) => {
  const table = () => storage.table("tenantData");
  const clock = options.clock ?? (() => new Date());
  const ttl = options.teamlessTtlMs ?? 0;
  // Whether a tenant has any installed team, per process: a tenant without one (most, and the
  // demo) answers teamIdsOf without a read. This fails closed: an install on another instance
  // grants its teams within `ttl`; a removal is never delayed, since a tenant with teams always
  // has its member rows read.
  const tenantsSeen = new Map<string, { hasTeams: boolean; until: number }>();
  const pk = (tenantId: string) => keyPart(tenantId, "tenantId");
  const teamKey = (teamId: string) => rowKeyOf("installedTeam", keyPart(teamId, "teamId"));
  const memberKey = (teamId: string, userId: string) =>
    rowKeyOf("teamMember", keyPart(teamId, "teamId"), keyPart(userId, "userId"));
  const userTeamKey = (userId: string, teamId: string) =>
    rowKeyOf("memberTeam", keyPart(userId, "userId"), keyPart(teamId, "teamId"));

  const range = async (tenantId: string, prefix: string): Promise<Row[]> => {
    const { from, to } = prefixRange(prefix);
    const rows: Row[] = [];
    const filter = rangeFilter(pk(tenantId), from, to);
    for await (const row of table().listEntities<Row>({ queryOptions: { filter } })) {
      rows.push(row);
    }
    return rows;
  };

  const hasAnyTeam = async (tenantId: string): Promise<boolean> => {
    const { from, to } = prefixRange(rowKeyOf("installedTeam"));
    const first = await table()
      .listEntities<{ rowKey?: string }>({
        queryOptions: { filter: rangeFilter(pk(tenantId), from, to), select: ["RowKey"] },
      })
      .byPage({ maxPageSize: 1 })
      .next();
    return !first.done && first.value.length > 0;
  };

  const membersOf = async (tenantId: string, teamId: string): Promise<TeamMembership[]> =>
    (await range(tenantId, rowKeyOf("teamMember", keyPart(teamId, "teamId"), ""))).map(
      (row) => JSON.parse(row.data) as TeamMembership,
    );

  const put = (tenantId: string, m: TeamMembership): TransactionAction[] => {
    const data = JSON.stringify(m);
    return [
      [
        "upsert",
        { partitionKey: pk(tenantId), rowKey: memberKey(m.teamId, m.userId), data },
        "Replace",
      ],
      [
        "upsert",
        { partitionKey: pk(tenantId), rowKey: userTeamKey(m.userId, m.teamId), data },
        "Replace",
      ],
    ];
  };
  const drop = (tenantId: string, m: Pick<TeamMembership, "teamId" | "userId">) =>
    [
      ["delete", { partitionKey: pk(tenantId), rowKey: memberKey(m.teamId, m.userId) }],
      ["delete", { partitionKey: pk(tenantId), rowKey: userTeamKey(m.userId, m.teamId) }],
    ] satisfies TransactionAction[];

  /** Teams no longer lists them: gone, unless a manager added them too. */
  const unlist = (tenantId: string, before: TeamMembership): TransactionAction[] =>
    before.manual ? put(tenantId, { ...before, roster: false }) : drop(tenantId, before);

  /** Writes membership changes, each membership's two rows together. */
  const apply = async (pairs: TransactionAction[][]) => {
    for (let at = 0; at < pairs.length; at += PAIRS_PER_BATCH) {
      await table().submitTransaction(pairs.slice(at, at + PAIRS_PER_BATCH).flat());
    }
  };

  /**
   * Runs a read-then-write again when a concurrent one (the install's two activities arrive
   * together) deleted a row it was about to delete: the transaction then fails with 404.
   */
  const againOnRace = async (run: () => Promise<void>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (!isNotFound(error) || attempt === 3) throw error;
      }
    }
  };

  const getTeam = async (tenantId: string, teamId: string): Promise<InstalledTeam | null> => {
    try {
      const row = await table().getEntity<Row>(pk(tenantId), teamKey(teamId));
      return JSON.parse(row.data) as InstalledTeam;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const listTeams = async (tenantId: string): Promise<InstalledTeam[]> =>
    (await range(tenantId, rowKeyOf("installedTeam"))).map(
      (row) => JSON.parse(row.data) as InstalledTeam,
    );

  return {
    getTeam,
    listTeams,
    /**
     * By Teams' id: one range read of the tenant's few `team|` rows (the bot calls it at most
     * once a minute per team and process), rather than an index row every install must keep.
     */
    async findTeam(tenantId: string, teamsTeamId: string): Promise<InstalledTeam | null> {
      return (await listTeams(tenantId)).find((team) => team.teamsTeamId === teamsTeamId) ?? null;
    },
    /**
     * An update, not an upsert, conditional on the row read: a team uninstalled meanwhile stays
     * uninstalled; a rename meanwhile is read again and kept.
     */
    async markRosterStale(tenantId: string, teamId: string, since: string | null): Promise<void> {
      for (let attempt = 1; attempt <= 3; attempt++) {
        let row: Row & { etag?: string };
        try {
          row = await table().getEntity<Row>(pk(tenantId), teamKey(teamId));
        } catch (error) {
          if (isNotFound(error)) return;
          throw error;
        }
        const { rosterStaleSince: _was, ...team } = JSON.parse(row.data) as InstalledTeam;
        const data = JSON.stringify(since === null ? team : { ...team, rosterStaleSince: since });
        try {
          await table().updateEntity(
            { partitionKey: pk(tenantId), rowKey: teamKey(teamId), data },
            "Replace",
            { etag: row.etag ?? "*" },
          );
          return;
        } catch (error) {
          if (isNotFound(error)) return;
          if (statusOf(error) !== 412 || attempt === 3) throw error;
        }
      }
    },
    async installTeam(team: InstalledTeam): Promise<void> {
      tenantsSeen.delete(team.tenantId);
      await table().upsertEntity(
        {
          partitionKey: pk(team.tenantId),
          rowKey: teamKey(team.aadGroupId),
          data: JSON.stringify(team),
        },
        "Replace",
      );
    },
    /** Memberships first: a team still listed never has members that are already gone. */
    async uninstallTeam(tenantId: string, teamId: string): Promise<void> {
      await againOnRace(async () => {
        const members = await membersOf(tenantId, teamId);
        await apply(members.map((m) => drop(tenantId, m)));
      });
      try {
        await table().deleteEntity(pk(tenantId), teamKey(teamId));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    membersOf,
    /**
     * The ids of a user's teams: one range read of their `uteam|` rows, never cached; none
     * without a read while the tenant is known to have no installed team.
     */
    async teamIdsOf(tenantId: string, userId: string): Promise<string[]> {
      const now = clock().getTime();
      const known = tenantsSeen.get(tenantId);
      if (known && known.until > now && !known.hasTeams) return [];
      const prefix = rowKeyOf("memberTeam", keyPart(userId, "userId"), "");
      const { from, to } = prefixRange(prefix);
      const readIds = async () => {
        const ids: string[] = [];
        const rows = table().listEntities<{ rowKey?: string }>({
          queryOptions: { filter: rangeFilter(pk(tenantId), from, to), select: ["RowKey"] },
        });
        for await (const row of rows) {
          if (row.rowKey?.startsWith(prefix)) ids.push(row.rowKey.slice(prefix.length));
        }
        return ids;
      };
      if (ttl <= 0 || (known && known.until > now)) return readIds();
      // Both at once: the answer waits for one round trip either way.
      const [ids, hasTeams] = await Promise.all([readIds(), hasAnyTeam(tenantId)]);
      tenantsSeen.set(tenantId, { hasTeams, until: now + ttl });
      return ids;
    },
    /** A user's memberships with why they hold (the bot opens chats through roster teams). */
    async membershipsOf(tenantId: string, userId: string): Promise<TeamMembership[]> {
      const rows = await range(tenantId, rowKeyOf("memberTeam", keyPart(userId, "userId"), ""));
      return rows.map((row) => JSON.parse(row.data) as TeamMembership);
    },
    /** Teams' roster now: who is in it has the team from the roster, who is not loses that. */
    replaceRoster: (tenantId: string, teamId: string, roster: readonly TeamMember[], at: Date) =>
      againOnRace(async () => {
        const current = new Map((await membersOf(tenantId, teamId)).map((m) => [m.userId, m]));
        const pairs: TransactionAction[][] = [];
        for (const member of roster) {
          const before = current.get(member.userId);
          const after: TeamMembership = {
            ...member,
            teamId,
            roster: true,
            manual: before?.manual ?? false,
            since: before?.since ?? at.toISOString(),
          };
          if (before && JSON.stringify(before) === JSON.stringify(after)) continue;
          pairs.push(put(tenantId, after));
        }
        const listed = new Set(roster.map((member) => member.userId));
        for (const before of current.values()) {
          if (!listed.has(before.userId) && before.roster) pairs.push(unlist(tenantId, before));
        }
        await apply(pairs);
      }),
    /** Removed from the team in Teams: the roster's claim goes (a manager's stays). */
    removeMembers: (tenantId: string, teamId: string, userIds: readonly string[]) =>
      againOnRace(async () => {
        const current = new Map((await membersOf(tenantId, teamId)).map((m) => [m.userId, m]));
        const pairs = userIds.flatMap((userId) => {
          const before = current.get(userId);
          return before?.roster ? [unlist(tenantId, before)] : [];
        });
        await apply(pairs);
      }),
    /** A manager's add (Settings): the membership holds whatever the roster says later. */
    async addManualMember(tenantId: string, teamId: string, member: TeamMember, at: Date) {
      const before = (await membersOf(tenantId, teamId)).find((m) => m.userId === member.userId);
      await apply([
        put(tenantId, {
          ...member,
          teamId,
          roster: before?.roster ?? false,
          manual: true,
          since: before?.since ?? at.toISOString(),
        }),
      ]);
    },
    /** A manager's remove: gone now; the next roster read gives it back if Teams still lists them. */
    async removeMember(tenantId: string, teamId: string, userId: string): Promise<boolean> {
      const before = (await membersOf(tenantId, teamId)).find((m) => m.userId === userId);
      if (!before) return false;
      await apply([drop(tenantId, before)]);
      return true;
    },
  };
};

export type TeamStore = ReturnType<typeof createTeamStore>;
