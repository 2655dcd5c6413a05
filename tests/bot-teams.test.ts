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
