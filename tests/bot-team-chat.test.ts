import { randomUUID } from "node:crypto";
import { addNote, ulidGenerator } from "@dealflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { eventually, postActivity, teamsActivity } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";

// A follower who never chatted with the bot is reached through a team the bot shares with
// them (its roster lists them): the bot opens the 1:1 chat (POST /v3/conversations) and posts
// the card there. Someone a manager added to the team in Settings is not in it in Teams.

const bot = useBotTestbed();
const TEAMS_ID = "19:sales-floor@thread.tacv2";
const GROUP = randomUUID();

describe("a follower reached through a team the bot shares with them", () => {
  let notificationId = "";

  beforeAll(async () => {
    const { tenantId, users } = bot.host;
    const { ana, luis, marta } = users;
    bot.connector.setRoster(TEAMS_ID, [
      { id: `29:${luis.id}`, name: luis.name, aadObjectId: luis.id, tenantId },
    ]);
    const install = teamsActivity({
      serviceUrl: bot.connector.url,
      tenantId,
      userId: marta.id,
      type: "conversationUpdate",
      channel: { teamId: TEAMS_ID, channelId: TEAMS_ID },
      membersAdded: [{ id: "28:dealflow-bot" }],
    });
    const answer = await postActivity(bot.host, {
      ...install,
      channelData: { ...install.channelData, team: { id: TEAMS_ID, aadGroupId: GROUP } },
    });
    expect(answer.status).toBeLessThan(300);
    await bot.host.deps.store.teams.addManualMember(
      tenantId,
      GROUP,
      { userId: marta.id, name: marta.name, email: null },
      new Date(),
    );

    const store = bot.host.deps.store;
    const owned = await store.listOpportunities(tenantId, { kind: "owner", ownerId: ana.id });
    const listed = owned.items[0];
    if (!listed) throw new Error("Ana owns no open opportunity");
    const before = await store.getOpportunity(tenantId, listed.id);
    if (!before) throw new Error("gone");
    const followers = [luis.id, marta.id];
    await store.commit(
      tenantId,
      {
        changes: [{ entity: "opportunity", before, after: { ...before, followers, mutedBy: [] } }],
        schedule: [],
        cancel: [],
      },
      { notify: false },
    );
    const opportunity = await store.getOpportunity(tenantId, listed.id);
    if (!opportunity) throw new Error("gone");
    const result = await store.commit(
      tenantId,
      addNote(
        { opportunity, text: "Sent the proposal" },
        {
          now: new Date(),
          actor: { tenantId, userId: ana.id, role: "seller", teamIds: [] },
          tenantId,
          settings: await store.getSettings(tenantId),
          ids: ulidGenerator(),
        },
      ),
    );
    notificationId = result.notifications[0]?.id ?? "";
    await eventually(async () => {
      const row = await store.getNotification(tenantId, notificationId);
      return row?.deliveredAt ? row : null;
    }, 60_000);
  });

  it("opens a chat with a roster member who never wrote to the bot, and posts the card there", () => {
    const { luis } = bot.host.users;
    const created = bot.connector.calls.filter(
      (call) => call.method === "POST" && call.path === "/v3/conversations",
    );
    const forLuis = created.filter((call) => JSON.stringify(call.body).includes(luis.id));
    expect(forLuis).toHaveLength(1);
    const cards = bot.connector.calls.filter(
      (call) =>
        call.path.startsWith("/v3/conversations/a:created-") &&
        JSON.stringify(call.body).includes("Sent the proposal"),
    );
    expect(cards.length).toBeGreaterThanOrEqual(1);
  });

  it("does not open one through a team a manager added them to in Settings only", () => {
    const { marta } = bot.host.users;
    const created = bot.connector.calls.filter(
      (call) => call.path === "/v3/conversations" && JSON.stringify(call.body).includes(marta.id),
    );
    expect(created).toEqual([]);
  });
});
