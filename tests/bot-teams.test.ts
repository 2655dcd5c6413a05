import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arrangeOpportunity, arrangeUser } from "../functions/src/api/api.test-support.js";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "./support/api-harness.js";
import { teamsActivity } from "./support/bot-host.js";
import {
  type FakeConnector,
  type FakeRosterMember,
  startFakeConnector,
} from "./support/fake-connector.js";

// SPEC §7 and CONTRACTS "Bot": the bot reads a team's roster when it is added and when members
// change, and each member gets the team named by channelData.team.aadGroupId; a seller sees a
// teammate's opportunity on a pipeline shared with that team, through the real API.

let harness: ApiHarness;
let connector: FakeConnector;
const tenant = randomUUID();
const otherTenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
/** In the team but not yet a Dealflow user: the team waits for their first sign-in. */
const nora = newTestUser(tenant, { name: "Nora Vidal" });
const GROUP = randomUUID();
const TEAMS_ID = "19:partners-general@thread.tacv2";
/** A group the bot is not installed in, which a second pipeline names. */
const FORGED_GROUP = randomUUID();
const BOT = { id: "28:dealflow-bot", name: "Dealflow" };
/** A team the bot joined before it recorded teams: no `team|` row, only Teams knows its group. */
const LEGACY_GROUP = randomUUID();
const LEGACY_ID = "19:legacy-general@thread.tacv2";

const rosterMember = (user: TestUser): FakeRosterMember => ({
  id: `29:${user.userId}`,
  name: user.name ?? user.userId,
  aadObjectId: user.userId,
  tenantId: user.tenantId,
});
const guest: FakeRosterMember = { id: "29:guest-no-entra", name: "Guest Without Entra" };
const outsider: FakeRosterMember = {
  id: "29:outsider",
  name: "Eve Outsider",
  aadObjectId: randomUUID(),
  tenantId: otherTenant,
};

/** A team's conversationUpdate or installationUpdate, as the Bot Connector posts it. */
const teamEvent = (
  fields: {
    type?: string;
    action?: string;
    membersAdded?: { id: string; aadObjectId?: string }[];
    membersRemoved?: { id: string; aadObjectId?: string }[];
  },
  team: { tenantId?: string; teamsTeamId?: string; aadGroupId?: string } = {},
) => {
  const tenantId = team.tenantId ?? tenant;
  const teamsTeamId = team.teamsTeamId ?? TEAMS_ID;
  const base = teamsActivity({
    serviceUrl: connector.url,
    tenantId,
    userId: marta.userId,
    type: fields.type ?? "conversationUpdate",
    channel: { teamId: teamsTeamId, channelId: teamsTeamId },
    ...(fields.action ? { action: fields.action } : {}),
  });
  return {
    ...base,
    recipient: BOT,
    channelData: {
      tenant: { id: tenantId },
      team: { id: teamsTeamId, name: "Partners", aadGroupId: team.aadGroupId ?? GROUP },
      channel: { id: teamsTeamId },
      eventType: fields.membersRemoved ? "teamMemberRemoved" : "teamMemberAdded",
    },
    ...(fields.membersAdded ? { membersAdded: fields.membersAdded } : {}),
    ...(fields.membersRemoved ? { membersRemoved: fields.membersRemoved } : {}),
  };
};

const postActivity = async (activity: object) => {
  const answer = await harness.call(null, "POST", "/api/messages", { body: activity });
  expect(answer.status).toBeLessThan(300);
};

const read = (user: TestUser, id: string) =>
  harness.call(user, "GET", `/api/opportunities/${id}`).then((answer) => answer.status);
const listed = async (user: TestUser) =>
  (
    (await harness.call(user, "GET", "/api/opportunities?view=all")).body as {
      items: { id: string }[];
    }
  ).items.map((item) => item.id);
const teams = async () =>
  (
    (await harness.call(marta, "GET", "/api/teams")).body as {
      items: { id: string; name: string; members: { userId: string; name: string | null }[] }[];
    }
  ).items;

let shared: { id: string };
let forged: { id: string };
let legacy: { id: string };

beforeAll(async () => {
  harness = await startApiHarness();
  connector = await startFakeConnector({ rosterPageSize: 2 });
  for (const user of [marta, ana, luis]) await arrangeUser(harness, user);
  const settingsRead = await harness.call(marta, "GET", "/api/settings");
  const settings = settingsRead.body as {
    pipelines: { id: string; name: string; visibility: string; teamId: string | null }[];
  };
  const [first] = settings.pipelines;
  if (!first) throw new Error("the tenant has no default pipeline");
  const saved = await harness.call(marta, "PUT", "/api/settings", {
    body: {
      ...settings,
      intakeForms: [],
      pipelines: [
        ...settings.pipelines,
        { ...first, id: "partners", name: "Partners", visibility: "team", teamId: GROUP },
        { ...first, id: "vip", name: "VIP", visibility: "team", teamId: FORGED_GROUP },
        { ...first, id: "legacy", name: "Legacy", visibility: "team", teamId: LEGACY_GROUP },
      ],
    },
    headers: { "If-Match": settingsRead.headers.get("etag") ?? "*" },
  });
  if (saved.status !== 200) throw new Error(`settings not saved: ${saved.text}`);
  shared = await arrangeOpportunity(harness, {
    owner: luis,
    title: "Partner deal",
    patch: { pipelineId: "partners" },
  });
  forged = await arrangeOpportunity(harness, {
    owner: luis,
    title: "VIP deal",
    patch: { pipelineId: "vip" },
  });
  legacy = await arrangeOpportunity(harness, {
    owner: luis,
    title: "Legacy deal",
    patch: { pipelineId: "legacy" },
  });
  connector.setRoster(TEAMS_ID, [
    rosterMember(marta),
    rosterMember(ana),
    rosterMember(luis),
    guest,
    rosterMember(nora),
    outsider,
  ]);
});
afterAll(async () => {
  await connector?.close();
  await harness?.close();
});

describe("teams from Teams: the bot records a team's roster", () => {
  it("gives a seller a teammate's team-pipeline opportunity once the bot is added to the team", async () => {
    expect(await read(ana, shared.id)).toBe(404);

    const before = connector.rosterReads().length;
    await postActivity(teamEvent({ membersAdded: [BOT] }));

    const reads = connector.rosterReads().slice(before);
    expect(reads.length).toBe(3);
    expect(reads[0]?.path).toContain(`/v3/conversations/${TEAMS_ID}/pagedmembers`);
    expect(reads[1]?.path).toContain("continuationToken=2");
    expect(await read(ana, shared.id)).toBe(200);
    expect(await listed(ana)).toContain(shared.id);
    const [team] = await teams();
    expect(team).toMatchObject({ id: GROUP, name: "Partners" });
    expect(team?.members.map((member) => member.userId).sort()).toEqual(
      [marta, ana, luis, nora].map((user) => user.userId).sort(),
    );
  });

  it("skips a roster member without an Entra object id, and one of another tenant", async () => {
    const names = (await teams()).flatMap((team) => team.members.map((member) => member.name));
    expect(names).not.toContain(guest.name);
    expect(names).not.toContain(outsider.name);
  });

  it("gives a member who never signed in the team on their first request", async () => {
    expect(await read(nora, shared.id)).toBe(200);
  });

  it("takes the opportunity from a removed member on their very next request", async () => {
    expect(await read(ana, shared.id)).toBe(200);
    legacy = await arrangeOpportunity(harness, {
      owner: luis,
      title: "Legacy deal",
      patch: { pipelineId: "legacy" },
    });
    connector.setRoster(TEAMS_ID, [rosterMember(marta), rosterMember(luis), rosterMember(nora)]);
    await postActivity(
      teamEvent({ membersRemoved: [{ id: `29:${ana.userId}`, aadObjectId: ana.userId }] }),
    );
    expect(await read(ana, shared.id)).toBe(404);
    expect(await listed(ana)).not.toContain(shared.id);
  });

  it("gives nothing in this tenant for a roster or activity of another tenant", async () => {
    connector.setRoster("19:elsewhere@thread.tacv2", [rosterMember(ana)]);
    await postActivity(
      teamEvent(
        { membersAdded: [BOT] },
        { tenantId: otherTenant, teamsTeamId: "19:elsewhere@thread.tacv2" },
      ),
    );
    expect(await read(ana, shared.id)).toBe(404);
    expect((await teams()).map((team) => team.id)).toEqual([GROUP]);
  });

  it("gives nothing for members added to a forged group the bot is not installed in", async () => {
    connector.setRoster("19:vip@thread.tacv2", [rosterMember(ana)]);
    const before = connector.rosterReads().length;
    await postActivity(
      teamEvent(
        { membersAdded: [{ id: `29:${ana.userId}`, aadObjectId: ana.userId }] },
        { teamsTeamId: "19:vip@thread.tacv2", aadGroupId: FORGED_GROUP },
      ),
    );
    // Nor an installed team's group named with another Teams team.
    await postActivity(
      teamEvent(
        { membersAdded: [{ id: `29:${ana.userId}`, aadObjectId: ana.userId }] },
        { teamsTeamId: "19:vip@thread.tacv2", aadGroupId: GROUP },
      ),
    );
    expect(connector.rosterReads().length).toBe(before);
    expect(await read(ana, forged.id)).toBe(404);
    expect(await read(ana, shared.id)).toBe(404);
  });
});

describe("Settings' team routes", () => {
  it("refuse a seller with 403", async () => {
    const member = `/api/teams/${GROUP}/members/${ana.userId}`;
    expect((await harness.call(ana, "GET", "/api/teams")).status).toBe(403);
    expect((await harness.call(ana, "PUT", member)).status).toBe(403);
    expect(
      (await harness.call(luis, "DELETE", `/api/teams/${GROUP}/members/${nora.userId}`)).status,
    ).toBe(403);
    expect(await read(ana, shared.id)).toBe(404);
    expect(await read(nora, shared.id)).toBe(200);
  });

  it("let a manager give a user a team and take it away, effective at once", async () => {
    const member = `/api/teams/${GROUP}/members/${ana.userId}`;
    const added = await harness.call(marta, "PUT", member);
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      id: GROUP,
      members: expect.arrayContaining([
        expect.objectContaining({ userId: ana.userId, addedByManager: true, fromTeams: false }),
      ]),
    });
    expect(await read(ana, shared.id)).toBe(200);

    expect((await harness.call(marta, "DELETE", member)).status).toBe(200);
    expect(await read(ana, shared.id)).toBe(404);
  });

  it("refuse a team the bot is not installed in (404) and a person who is not a user (400 naming userId)", async () => {
    expect(
      (await harness.call(marta, "PUT", `/api/teams/${FORGED_GROUP}/members/${ana.userId}`)).status,
    ).toBe(404);
    const stranger = await harness.call(
      marta,
      "PUT",
      `/api/teams/${GROUP}/members/${randomUUID()}`,
    );
    expect(stranger.status).toBe(400);
    expect(stranger.headers.get("content-type")).toContain("application/problem+json");
    expect(stranger.body).toMatchObject({ errors: [expect.objectContaining({ path: "userId" })] });
    expect(await read(ana, forged.id)).toBe(404);
  });

  it("are tenant-isolated: another tenant's manager sees only their own install, without our people", async () => {
    const otherManager = newTestUser(otherTenant, { manager: true });
    const answer = await harness.call(otherManager, "GET", "/api/teams");
    expect(answer.status).toBe(200);
    // The other tenant's own install (an earlier test) named the same group: its roster listed
    // Ana of this tenant, who is nobody there.
    expect(answer.body).toEqual({
      items: [expect.objectContaining({ id: GROUP, members: [] })],
    });
    expect(
      (await harness.call(otherManager, "PUT", `/api/teams/${GROUP}/members/${ana.userId}`)).status,
    ).toBe(400);
    expect(await read(ana, shared.id)).toBe(404);
  });
});

describe("removing the bot from the team", () => {
  it("takes the team from everyone and stops offering it", async () => {
    expect(await read(nora, shared.id)).toBe(200);
    await postActivity(teamEvent({ membersRemoved: [BOT] }));
    expect(await read(nora, shared.id)).toBe(404);
    expect(await teams()).toEqual([]);
  });
});

/** A channel message of a team, as Teams posts it (`channelData.team` names its id only). */
const channelMessage = (
  user: TestUser,
  teamsTeamId: string,
  claims: { aadGroupId?: string; type?: string } = {},
) => {
  const base = teamsActivity({
    serviceUrl: connector.url,
    tenantId: user.tenantId,
    userId: user.userId,
    text: "help",
    ...(claims.type ? { type: claims.type } : {}),
    channel: { teamId: teamsTeamId, channelId: teamsTeamId },
  });
  return {
    ...base,
    channelData: {
      ...base.channelData,
      team: { id: teamsTeamId, ...(claims.aadGroupId ? { aadGroupId: claims.aadGroupId } : {}) },
    },
  };
};

/** Posts a channel message; the reply card must reach the channel whatever else happened. */
const sayInChannel = async (activity: ReturnType<typeof channelMessage>) => {
  const before = connector.calls.length;
  const answer = await harness.call(null, "POST", "/api/messages", { body: activity });
  expect(answer.status).toBe(200);
  const replies = connector.calls
    .slice(before)
    .filter((call) => call.method === "POST" && call.path.includes(activity.conversation.id));
  expect(replies).toHaveLength(1);
};

describe("a team the bot joined before it recorded teams", () => {
  it("gives nothing here for another tenant's activity, whatever the connector says of its team", async () => {
    const elsewhere = "19:legacy-elsewhere@thread.tacv2";
    connector.setTeam(elsewhere, { name: "Legacy", aadGroupId: LEGACY_GROUP });
    connector.setRoster(elsewhere, [rosterMember(ana), rosterMember(luis)]);
    const stranger = newTestUser(otherTenant);
    await sayInChannel(channelMessage(stranger, elsewhere));

    expect(await read(ana, legacy.id)).toBe(404);
    expect((await teams()).map((team) => team.id)).not.toContain(LEGACY_GROUP);
    const otherManager = newTestUser(otherTenant, { manager: true });
    const theirs = (await harness.call(otherManager, "GET", "/api/teams")).body as {
      items: { id: string; members: unknown[] }[];
    };
    expect(theirs.items.find((team) => team.id === LEGACY_GROUP)).toMatchObject({ members: [] });
  });

  it("records it from its first channel message by the connector's group, not the one claimed", async () => {
    connector.setTeam(LEGACY_ID, { name: "Legacy partners", aadGroupId: LEGACY_GROUP });
    connector.setRoster(LEGACY_ID, [rosterMember(marta), rosterMember(ana), rosterMember(luis)]);
    expect(await read(ana, legacy.id)).toBe(404);

    await sayInChannel(channelMessage(luis, LEGACY_ID, { aadGroupId: FORGED_GROUP }));

    expect(connector.teamReads().map((call) => call.path)).toContain(`/v3/teams/${LEGACY_ID}`);
    expect(await read(ana, legacy.id)).toBe(200);
    expect(await listed(ana)).toContain(legacy.id);
    expect(await read(ana, forged.id)).toBe(404);
    const recorded = (await teams()).map((team) => ({ id: team.id, name: team.name }));
    expect(recorded).toContainEqual({ id: LEGACY_GROUP, name: "Legacy partners" });
    expect(recorded.map((team) => team.id)).not.toContain(FORGED_GROUP);
  });

  it("asks the connector about a team once, not on every message", async () => {
    const before = connector.teamReads().length;
    const rosterBefore = connector.rosterReads().length;
    await sayInChannel(channelMessage(ana, LEGACY_ID));
    await sayInChannel(channelMessage(luis, LEGACY_ID));
    expect(connector.teamReads().length).toBe(before);
    expect(connector.rosterReads().length).toBe(rosterBefore);
  });

  it("still answers a channel message when the connector cannot describe the team", async () => {
    const flaky = "19:flaky@thread.tacv2";
    connector.setTeam(flaky, { name: "Flaky", aadGroupId: randomUUID() });
    connector.fail((call) => call.path === `/v3/teams/${flaky}`, [{ status: 500 }]);
    await sayInChannel(channelMessage(marta, flaky));
    expect((await teams()).map((team) => team.name)).not.toContain("Flaky");
  });

  it("answers 200 to a member change whose roster cannot be read, removes those named at once, and reads it at the team's next activity", async () => {
    expect(await read(ana, legacy.id)).toBe(200);
    expect(await read(nora, legacy.id)).toBe(404);
    connector.setRoster(LEGACY_ID, [rosterMember(marta), rosterMember(luis), rosterMember(nora)]);
    // Every attempt of the read fails: Teams' 500, then throttling (429, Retry-After 0).
    connector.fail(
      (call) => call.path.startsWith(`/v3/conversations/${LEGACY_ID}/pagedmembers`),
      [{ status: 500 }, ...Array.from({ length: 4 }, () => ({ status: 429, retryAfter: 0 }))],
    );
    const removal = teamEvent(
      {
        membersAdded: [{ id: `29:${nora.userId}`, aadObjectId: nora.userId }],
        membersRemoved: [{ id: `29:${ana.userId}`, aadObjectId: ana.userId }],
      },
      { teamsTeamId: LEGACY_ID, aadGroupId: LEGACY_GROUP },
    );
    const answer = await harness.call(null, "POST", "/api/messages", { body: removal });

    expect(answer.status).toBe(200);
    expect(await read(ana, legacy.id)).toBe(404);
    expect(await read(nora, legacy.id)).toBe(404);

    const before = connector.rosterReads().length;
    await sayInChannel(channelMessage(luis, LEGACY_ID));
    expect(connector.rosterReads().length).toBeGreaterThan(before);
    expect(await read(nora, legacy.id)).toBe(200);
    expect(await read(ana, legacy.id)).toBe(404);
  });
});
