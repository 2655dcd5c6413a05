import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { teamsActivity } from "../../../../tests/support/bot-host.js";
import {
  type FakeConnector,
  startFakeConnector,
} from "../../../../tests/support/fake-connector.js";
import { arrangeUser } from "../../api/api.test-support.js";

let harness: ApiHarness;
let connector: FakeConnector;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const seller = newTestUser(tenant, { name: "Ana García" });
const TEAM = "19:sales-team@thread.tacv2";

/** A fresh channel per test: the link is a record per channel. */
const newChannel = () => `19:${randomUUID().slice(0, 8)}@thread.tacv2`;
const linkPath = (channelId: string) => `/api/channels/${encodeURIComponent(channelId)}/pipeline`;
const storedLink = (channelId: string) =>
  harness.deps.store.conversations.get(tenant, { scope: "channel", teamId: TEAM, channelId });

beforeAll(async () => {
  harness = await startApiHarness();
  connector = await startFakeConnector();
  await arrangeUser(harness, manager);
  await arrangeUser(harness, seller);
  // A second pipeline, so that the link is visibly not the default one.
  const read = await harness.call(manager, "GET", "/api/settings");
  const settings = read.body as { pipelines: { id: string; name: string }[] };
  const [first] = settings.pipelines;
  if (!first) throw new Error("the tenant has no default pipeline");
  const saved = await harness.call(manager, "PUT", "/api/settings", {
    body: {
      ...settings,
      intakeForms: [],
      pipelines: [...settings.pipelines, { ...first, id: "partners", name: "Partners" }],
    },
    headers: { "If-Match": read.headers.get("etag") ?? "*" },
  });
  if (saved.status !== 200) throw new Error(`settings not saved: ${saved.text}`);
});
afterAll(async () => {
  await connector?.close();
  await harness?.close();
});

describe("PUT /api/channels/{channelId}/pipeline", () => {
  it("links a channel to a pipeline for a manager, before the bot is installed there", async () => {
    const channelId = newChannel();
    const answer = await harness.call(manager, "PUT", linkPath(channelId), {
      body: { pipelineId: "partners", teamId: TEAM },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      teamId: TEAM,
      channelId,
      pipelineId: "partners",
      pipelineName: "Partners",
      botInstalled: false,
    });
    expect(await storedLink(channelId)).toMatchObject({ pipelineId: "partners", active: false });
  });

  it("refuses a seller with 403 and writes nothing", async () => {
    const channelId = newChannel();
    const answer = await harness.call(seller, "PUT", linkPath(channelId), {
      body: { pipelineId: "partners", teamId: TEAM },
    });
    expect(answer.status).toBe(403);
    expect(await storedLink(channelId)).toBeNull();
  });

  it("refuses a pipeline the tenant does not have with 400 naming pipelineId, writing nothing", async () => {
    const channelId = newChannel();
    const answer = await harness.call(manager, "PUT", linkPath(channelId), {
      body: { pipelineId: "no-such-pipeline", teamId: TEAM },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body).toMatchObject({
      errors: [expect.objectContaining({ path: "pipelineId" })],
    });
    expect(await storedLink(channelId)).toBeNull();
  });

  it("refuses a body without the team with 400 naming teamId", async () => {
    const channelId = newChannel();
    const answer = await harness.call(manager, "PUT", linkPath(channelId), {
      body: { pipelineId: "partners" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ path: "teamId" })] });
    expect(await storedLink(channelId)).toBeNull();
  });

  it("the bot's status in the linked channel summarises the linked pipeline", async () => {
    const channelId = newChannel();
    const channel = { teamId: TEAM, channelId };
    // An Activity as the Bot Connector posts it (the harness runs the bot anonymously).
    const post = (text: string) =>
      harness.call(null, "POST", "/api/messages", {
        body: teamsActivity({
          serviceUrl: connector.url,
          tenantId: tenant,
          userId: manager.userId,
          text,
          channel,
        }),
      });
    // The bot is installed first (its reference saved), then the tab links the channel.
    expect((await post("<at>Dealflow</at> help")).status).toBe(200);
    const linked = await harness.call(manager, "PUT", linkPath(channelId), {
      body: { pipelineId: "partners", teamId: TEAM },
    });
    expect(linked.body).toMatchObject({ botInstalled: true });
    expect(await storedLink(channelId)).toMatchObject({ active: true, pipelineId: "partners" });

    const before = connector.calls.length;
    expect((await post("<at>Dealflow</at> status")).status).toBe(200);
    const reply = connector.calls.slice(before).find((call) => call.method === "POST");
    expect(JSON.stringify(reply?.body)).toContain("Pipeline summary: Partners");
  });
});
