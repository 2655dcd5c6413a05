import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotHost, startBotHost, teamsActivity } from "./support/bot-host.js";
import { type FakeConnector, startFakeConnector } from "./support/fake-connector.js";
import { rawRequest } from "./support/raw-http.js";

// `npm start` as a developer runs it: dev auth, the anonymous bot, the demo tenant, loopback.
// Every request below is what a page on another site can make a browser send once its name
// resolves to 127.0.0.1 (DNS rebinding), or what a tunnel forwards from the internet.
let host: BotHost;
let connector: FakeConnector;
let port: string;

beforeAll(async () => {
  connector = await startFakeConnector();
  host = await startBotHost();
  port = new URL(host.url).port;
});
afterAll(async () => {
  await host?.stop();
  await connector?.close();
});

const REBOUND = () => `rebind.attacker.example:${port}`;

const mintManagerToken = (headers: Record<string, string>) =>
  rawRequest(`${host.url}/api/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ userId: host.users.marta.id }),
  });

const expectMisdirected = (answer: {
  status: number;
  headers: Record<string, string>;
  text: string;
}) => {
  expect(answer.status).toBe(421);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  expect(JSON.parse(answer.text)).toMatchObject({ status: 421, title: "Misdirected Request" });
  expect(answer.text).not.toContain('token":');
};

describe("dev mode answers only this machine (DNS rebinding, tunnels)", () => {
  it("refuses a rebinding page's request for the demo manager's token", async () => {
    const answer = await mintManagerToken({ Host: REBOUND() });

    expectMisdirected(answer);
  });

  it("refuses a rebinding page's read of the dev outbox and of the tabs", async () => {
    const outbox = await rawRequest(`${host.url}/api/dev/outbox`, { headers: { Host: REBOUND() } });
    const tabs = await rawRequest(`${host.url}/`, { headers: { Host: REBOUND() } });

    expectMisdirected(outbox);
    expectMisdirected(tabs);
  });

  it("refuses a rebinding page's message to the anonymous bot, which answers nobody", async () => {
    const before = connector.calls.length;
    const activity = teamsActivity({
      serviceUrl: connector.url,
      tenantId: host.tenantId,
      userId: host.users.marta.id,
      text: "status",
    });

    const answer = await rawRequest(`${host.url}/api/messages`, {
      method: "POST",
      headers: { Host: REBOUND(), "Content-Type": "application/json" },
      body: JSON.stringify(activity),
    });

    expectMisdirected(answer);
    expect(connector.calls.slice(before)).toEqual([]);
  });

  it.each([
    ["a name that is not loopback", () => `evil.example:${port}`],
    ["a loopback name on another port", () => "localhost:1"],
    ["a loopback name without its port", () => "localhost"],
    ["a name that merely starts like localhost", () => `localhost.attacker.example:${port}`],
  ])("refuses Host: %s", async (_case, hostHeader) => {
    expectMisdirected(await mintManagerToken({ Host: hostHeader() }));
  });

  it("refuses a request a dev tunnel forwarded (Host rewritten to localhost, X-Forwarded-Host the tunnel's)", async () => {
    const answer = await mintManagerToken({
      Host: `localhost:${port}`,
      "X-Forwarded-Host": "k7x2m9q-3978.euw.devtunnels.ms",
      "X-Forwarded-Proto": "https",
      "X-Forwarded-For": "203.0.113.7",
      "X-Original-Proto": "https",
    });

    expectMisdirected(answer);
  });

  it.each([
    ["Forwarded", "for=203.0.113.7;host=k7x2m9q-3978.euw.devtunnels.ms;proto=https"],
    ["X-Forwarded-Host", "k7x2m9q-3978.euw.devtunnels.ms"],
    ["X-Original-Host", "k7x2m9q-3978.euw.devtunnels.ms"],
    ["X-Forwarded-For", "203.0.113.7"],
  ])("refuses a request carrying %s, whatever its Host", async (name, value) => {
    expectMisdirected(await mintManagerToken({ Host: `127.0.0.1:${port}`, [name]: value }));
  });

  it.each([
    () => `localhost:${port}`,
    () => `LOCALHOST:${port}`,
    () => `127.0.0.1:${port}`,
    () => `[::1]:${port}`,
  ])("still answers this machine's own browser (Host %#)", async (hostHeader) => {
    const answer = await mintManagerToken({ Host: hostHeader() });

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toHaveProperty("token");
  });
});
