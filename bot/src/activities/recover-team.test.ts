import { describe, expect, it } from "vitest";
import type { RosterMember, TeamDetails } from "../ports/teams.js";
import { inMemoryTeams } from "../testing/in-memory-teams.test-support.js";
import type { IncomingActivity } from "./incoming-activity.js";
import { recoverTeam } from "./recover-team.js";
import { createTeamChecks } from "./team-checks.js";
import type { TeamSyncDeps } from "./team-roster.js";

const TENANT = "tenant-a";
const GROUP = "0b5c4d3e-0000-4000-8000-000000000001";
const FORGED = "0b5c4d3e-0000-4000-8000-00000000f0f0";
const TEAMS_ID = "19:sales@thread.tacv2";
const T0 = new Date("2026-03-02T09:00:00.000Z");
const person = (oid: string): RosterMember => ({
  id: `29:${oid}`,
  aadObjectId: oid,
  tenantId: TENANT,
});

/** A channel message of a team, as Teams posts it: `channelData.team` has its id only. */
const message = (fields: Partial<IncomingActivity> = {}, team: Record<string, string> = {}) =>
  ({
    type: "message",
    text: "status",
    serviceUrl: "http://127.0.0.1:1/",
    from: { id: "29:ana", aadObjectId: "ana" },
    recipient: { id: "28:dealflow-bot" },
    conversation: { id: `${TEAMS_ID};messageid=1`, conversationType: "channel", tenantId: TENANT },
    channelData: {
      tenant: { id: TENANT },
      team: { id: TEAMS_ID, ...team },
      channel: { id: TEAMS_ID },
    },
    ...fields,
  }) as IncomingActivity;

const world = (options: { roster?: RosterMember[]; details?: () => Promise<TeamDetails> } = {}) => {
  const teams = inMemoryTeams();
  let now = T0;
  const asked: string[] = [];
  const reads: string[] = [];
  const warnings: string[] = [];
  const deps: TeamSyncDeps = {
    teams: teams.port,
    clock: () => now,
    roster: async (_url, teamsTeamId) => {
      reads.push(teamsTeamId);
      return options.roster ?? [person("ana"), person("luis")];
    },
    teamDetails: async (_url, teamsTeamId) => {
      asked.push(teamsTeamId);
      return options.details
        ? options.details()
        : { id: teamsTeamId, name: "Sales", aadGroupId: GROUP };
    },
    teamChecks: createTeamChecks(),
    log: { warn: (text: string) => warnings.push(text) },
  };
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { teams, deps, asked, reads, warnings, later };
};

describe("recoverTeam", () => {
  it("records a team it has no record of from its first channel message, by the connector's group", async () => {
    const w = world();
    expect(await recoverTeam(message({}, { aadGroupId: FORGED }), w.deps)).toBe(true);
    expect(w.asked).toEqual([TEAMS_ID]);
    expect(w.teams.teams.get(`${TENANT}/${GROUP}`)).toMatchObject({
      name: "Sales",
      teamsTeamId: TEAMS_ID,
      installedAt: T0.toISOString(),
    });
    expect(w.teams.teams.has(`${TENANT}/${FORGED}`)).toBe(false);
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana", "luis"]);
    expect(w.warnings).toEqual([expect.stringContaining(FORGED)]);
  });

  it("asks about a team at most once a minute, and not at all once it is recorded", async () => {
    let answers = false;
    const w = world({
      details: async () => {
        if (!answers) throw new Error("HTTP 503");
        return { id: TEAMS_ID, name: "Sales", aadGroupId: GROUP };
      },
    });
    await recoverTeam(message(), w.deps);
    await recoverTeam(message(), w.deps);
    w.later(59_000);
    await recoverTeam(message(), w.deps);
    expect(w.asked).toHaveLength(1);
    answers = true;
    w.later(2_000);
    expect(await recoverTeam(message(), w.deps)).toBe(true);
    w.later(61_000);
    expect(await recoverTeam(message(), w.deps)).toBe(false);
    expect(w.asked).toHaveLength(2);
    expect(w.reads).toHaveLength(1);
  });

  it("logs a connector that does not answer instead of failing the turn", async () => {
    const w = world({
      details: async () => {
        throw new Error("HTTP 500");
      },
    });
    await expect(recoverTeam(message({ type: "invoke" }), w.deps)).resolves.toBe(false);
    expect(w.teams.teams.size).toBe(0);
    expect(w.warnings).toEqual([expect.stringContaining(TEAMS_ID)]);
  });

  it("reads a team's roster again at its next activity after a failed read, and clears the mark", async () => {
    const w = world();
    await recoverTeam(message(), w.deps);
    await w.deps.teams.markRosterStale(TENANT, GROUP, T0.toISOString());
    w.later(61_000);
    expect(await recoverTeam(message(), w.deps)).toBe(true);
    expect(w.reads).toHaveLength(2);
    expect(w.teams.teams.get(`${TENANT}/${GROUP}`)?.rosterStaleSince).toBeUndefined();
  });

  it("leaves out the members a conversationUpdate names as removed", async () => {
    const w = world();
    const removal = message({
      type: "conversationUpdate",
      membersRemoved: [{ id: "29:luis", aadObjectId: "luis" }],
    });
    await recoverTeam(removal, w.deps);
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana"]);
  });

  it("asks nothing for a personal chat, nor for the bot's own install (syncTeam's)", async () => {
    const w = world();
    const personal = message({
      conversation: { id: "a:ana", conversationType: "personal", tenantId: TENANT },
    });
    personal.channelData = { tenant: { id: TENANT } };
    await recoverTeam(personal, w.deps);
    await recoverTeam(
      message({ type: "conversationUpdate", membersAdded: [{ id: "28:dealflow-bot" }] }),
      w.deps,
    );
    expect(w.asked).toEqual([]);
  });
});
