import { describe, expect, it } from "vitest";
import type { RosterMember } from "../ports/teams.js";
import { inMemoryTeams } from "../testing/in-memory-teams.test-support.js";
import type { IncomingActivity } from "./incoming-activity.js";
import { syncTeam } from "./sync-team.js";
import { createTeamChecks } from "./team-checks.js";
import type { TeamSyncDeps } from "./team-roster.js";

const TENANT = "tenant-a";
const GROUP = "0b5c4d3e-0000-4000-8000-000000000001";
const TEAMS_ID = "19:sales@thread.tacv2";
const BOT = { id: "28:dealflow-bot" };
const NOW = new Date("2026-03-02T09:00:00.000Z");

const person = (oid: string, tenantId = TENANT): RosterMember => ({
  id: `29:${oid}`,
  name: oid,
  aadObjectId: oid,
  tenantId,
});

const activity = (fields: Partial<IncomingActivity>, team = { id: TEAMS_ID, aadGroupId: GROUP }) =>
  ({
    type: "conversationUpdate",
    serviceUrl: "http://127.0.0.1:1/",
    recipient: BOT,
    conversation: { id: TEAMS_ID, conversationType: "channel", tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { ...team, name: "Sales" } },
    ...fields,
  }) as IncomingActivity;

const world = (roster: RosterMember[]) => {
  const teams = inMemoryTeams();
  const reads: string[] = [];
  const warnings: string[] = [];
  const deps: TeamSyncDeps = {
    teams: teams.port,
    clock: () => NOW,
    roster: async (_url: string, teamsTeamId: string) => {
      reads.push(teamsTeamId);
      return roster;
    },
    teamDetails: async () => {
      throw new Error("syncTeam never asks the connector about a team");
    },
    teamChecks: createTeamChecks(),
    log: { warn: (message: string) => warnings.push(message) },
  };
  return { teams, reads, deps, roster, warnings };
};

describe("syncTeam", () => {
  it("installs the team and gives its roster members the team when the bot is added", async () => {
    const w = world([person("ana"), person("luis")]);
    await syncTeam(activity({ membersAdded: [BOT] }), w.deps);
    expect(w.teams.teams.get(`${TENANT}/${GROUP}`)).toMatchObject({
      name: "Sales",
      teamsTeamId: TEAMS_ID,
    });
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana", "luis"]);
  });

  it("skips roster members without an Entra object id and those of another tenant", async () => {
    const w = world([person("ana"), { id: "29:guest", name: "Guest" }, person("eve", "tenant-b")]);
    await syncTeam(activity({ type: "installationUpdate", action: "add" }), w.deps);
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana"]);
  });

  it("takes the team from members named as removed even while the roster still lists them", async () => {
    const w = world([person("ana"), person("luis")]);
    await syncTeam(activity({ membersAdded: [BOT] }), w.deps);
    await syncTeam(
      activity({
        membersAdded: [{ id: "29:marta", aadObjectId: "marta" }],
        membersRemoved: [{ id: "29:luis", aadObjectId: "luis" }],
      }),
      { ...w.deps, roster: async () => [person("ana"), person("luis"), person("marta")] },
    );
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana", "marta"]);
  });

  it("removes the named members when the roster cannot be read, and marks the team to be read again", async () => {
    const w = world([person("ana"), person("luis")]);
    await syncTeam(activity({ membersAdded: [BOT] }), w.deps);
    const failing = {
      ...w.deps,
      roster: async () => {
        throw new Error("connector down");
      },
    };
    await syncTeam(activity({ membersRemoved: [{ id: "29:luis", aadObjectId: "luis" }] }), failing);
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana"]);
    expect(w.teams.teams.get(`${TENANT}/${GROUP}`)?.rosterStaleSince).toBe(NOW.toISOString());
    expect(w.warnings).toEqual([expect.stringContaining("could not be read")]);
  });

  it("records the team when the bot is added even if its roster cannot be read yet", async () => {
    const w = world([]);
    await syncTeam(activity({ membersAdded: [BOT] }), {
      ...w.deps,
      roster: async () => {
        throw new Error("429");
      },
    });
    expect(w.teams.teams.get(`${TENANT}/${GROUP}`)).toMatchObject({
      teamsTeamId: TEAMS_ID,
      rosterStaleSince: NOW.toISOString(),
    });
  });

  it("records nothing for members added to a team the bot is not installed in", async () => {
    const w = world([person("ana")]);
    await syncTeam(activity({ membersAdded: [{ id: "29:ana", aadObjectId: "ana" }] }), w.deps);
    expect(w.reads).toEqual([]);
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual([]);
  });

  it("ignores an installed team's group named with another Teams team id", async () => {
    const w = world([person("ana")]);
    await syncTeam(activity({ membersAdded: [BOT] }), w.deps);
    await syncTeam(
      activity(
        { membersRemoved: [{ id: "29:ana", aadObjectId: "ana" }] },
        { id: "19:forged@thread.tacv2", aadGroupId: GROUP },
      ),
      w.deps,
    );
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana"]);
  });

  it("forgets the team and every membership when the bot is removed", async () => {
    const w = world([person("ana")]);
    await syncTeam(activity({ membersAdded: [BOT] }), w.deps);
    await syncTeam(activity({ membersRemoved: [BOT] }), w.deps);
    expect(w.teams.teams.size).toBe(0);
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual([]);
  });

  it("renames an installed team when Teams says it was renamed", async () => {
    const w = world([person("ana")]);
    await syncTeam(activity({ membersAdded: [BOT] }), w.deps);
    const renamed = activity({});
    renamed.channelData = {
      ...renamed.channelData,
      eventType: "teamRenamed",
      team: { id: TEAMS_ID, aadGroupId: GROUP, name: "Partners" },
    };
    await syncTeam(renamed, w.deps);
    expect(w.teams.teams.get(`${TENANT}/${GROUP}`)?.name).toBe("Partners");
    expect(w.teams.membersOf(TENANT, GROUP)).toEqual(["ana"]);
  });
});
