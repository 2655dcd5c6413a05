import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTestStore, newTenantId } from "../../../../tests/support/test-storage.js";
import { createTeamStore } from "./team-store.js";

const AT = new Date("2026-03-02T09:00:00.000Z");
const person = (userId: string) => ({ userId, name: userId, email: null });

const installed = async () => {
  const store = await createTestStore(() => AT);
  const tenantId = newTenantId();
  const teamId = randomUUID();
  await store.teams.installTeam({
    tenantId,
    aadGroupId: teamId,
    name: "Partners",
    teamsTeamId: "19:partners@thread.tacv2",
    serviceUrl: "http://127.0.0.1:1/",
    installedAt: AT.toISOString(),
    updatedAt: AT.toISOString(),
  });
  const members = async () =>
    (await store.teams.membersOf(tenantId, teamId)).map((m) => m.userId).sort();
  return { store, tenantId, teamId, teams: store.teams, members };
};

describe("team store (Azurite)", () => {
  it("finds a recorded team by its Teams id, in its own tenant only", async () => {
    const { teams, tenantId, teamId } = await installed();
    expect(await teams.findTeam(tenantId, "19:partners@thread.tacv2")).toMatchObject({
      aadGroupId: teamId,
    });
    expect(await teams.findTeam(tenantId, "19:other@thread.tacv2")).toBeNull();
    expect(await teams.findTeam(newTenantId(), "19:partners@thread.tacv2")).toBeNull();
  });

  it("marks and clears a team's unread roster, and never brings back an uninstalled team", async () => {
    const { teams, tenantId, teamId } = await installed();
    await teams.markRosterStale(tenantId, teamId, AT.toISOString());
    expect((await teams.getTeam(tenantId, teamId))?.rosterStaleSince).toBe(AT.toISOString());
    await teams.markRosterStale(tenantId, teamId, null);
    const cleared = await teams.getTeam(tenantId, teamId);
    expect(cleared).not.toHaveProperty("rosterStaleSince");
    expect(cleared).toMatchObject({ name: "Partners" });

    await teams.uninstallTeam(tenantId, teamId);
    await teams.markRosterStale(tenantId, teamId, AT.toISOString());
    expect(await teams.getTeam(tenantId, teamId)).toBeNull();
  });

  it("writes a roster of more members than one transaction holds, and each user's teams", async () => {
    const { teams, tenantId, teamId, members } = await installed();
    const roster = Array.from({ length: 120 }, (_v, i) =>
      person(`u-${String(i).padStart(3, "0")}`),
    );
    await teams.replaceRoster(tenantId, teamId, roster, AT);
    expect(await members()).toHaveLength(120);
    expect(await teams.teamIdsOf(tenantId, "u-119")).toEqual([teamId]);
  });

  it("keeps a manager's member when the roster no longer lists them, and drops the rest", async () => {
    const { teams, tenantId, teamId, members } = await installed();
    await teams.replaceRoster(tenantId, teamId, [person("ana"), person("luis")], AT);
    await teams.addManualMember(tenantId, teamId, person("ana"), AT);
    await teams.replaceRoster(tenantId, teamId, [], AT);
    expect(await members()).toEqual(["ana"]);
    expect(await teams.teamIdsOf(tenantId, "luis")).toEqual([]);
    expect((await teams.membersOf(tenantId, teamId))[0]).toMatchObject({
      roster: false,
      manual: true,
    });
  });

  it("lets two roster reads of one change both finish (the install's two activities)", async () => {
    const { teams, tenantId, teamId, members } = await installed();
    await teams.replaceRoster(tenantId, teamId, [person("ana"), person("luis")], AT);
    await Promise.all([
      teams.replaceRoster(tenantId, teamId, [person("ana")], AT),
      teams.replaceRoster(tenantId, teamId, [person("ana")], AT),
      teams.removeMembers(tenantId, teamId, ["luis"]),
    ]);
    expect(await members()).toEqual(["ana"]);
  });

  it("forgets the team and every membership on uninstall, other tenants untouched", async () => {
    const { store, teams, tenantId, teamId, members } = await installed();
    const other = newTenantId();
    await teams.replaceRoster(tenantId, teamId, [person("ana")], AT);
    await teams.replaceRoster(other, teamId, [person("ana")], AT);
    await teams.uninstallTeam(tenantId, teamId);
    expect(await members()).toEqual([]);
    expect(await teams.teamIdsOf(tenantId, "ana")).toEqual([]);
    expect(await teams.listTeams(tenantId)).toEqual([]);
    expect(await store.teams.teamIdsOf(other, "ana")).toEqual([teamId]);
  });

  it("reads nothing for a tenant known to have no team, and never delays a removal", async () => {
    const { store, tenantId, teamId, teams } = await installed();
    let now = AT.getTime();
    const clock = () => new Date(now);
    // This instance, and another one writing to the same tables.
    const here = createTeamStore(store.storage, { clock, teamlessTtlMs: 30_000 });
    const teamless = newTenantId();
    expect(await here.teamIdsOf(teamless, "ana")).toEqual([]);
    const before = store.storage.operations.count;
    expect(await here.teamIdsOf(teamless, "ana")).toEqual([]);
    expect(store.storage.operations.count).toBe(before);

    // The tenant with a team: its member rows are read every time.
    await teams.replaceRoster(tenantId, teamId, [person("ana")], AT);
    expect(await here.teamIdsOf(tenantId, "ana")).toEqual([teamId]);
    await teams.removeMembers(tenantId, teamId, ["ana"]);
    expect(await here.teamIdsOf(tenantId, "ana")).toEqual([]);

    // Another instance installs a team in the teamless tenant: granted once the time is up.
    const elsewhere = randomUUID();
    await teams.installTeam({
      tenantId: teamless,
      aadGroupId: elsewhere,
      name: "Later",
      teamsTeamId: "19:later@thread.tacv2",
      serviceUrl: "http://127.0.0.1:1/",
      installedAt: AT.toISOString(),
      updatedAt: AT.toISOString(),
    });
    await teams.replaceRoster(teamless, elsewhere, [person("ana")], AT);
    expect(await here.teamIdsOf(teamless, "ana")).toEqual([]);
    now += 30_000;
    expect(await here.teamIdsOf(teamless, "ana")).toEqual([elsewhere]);
  });
});
