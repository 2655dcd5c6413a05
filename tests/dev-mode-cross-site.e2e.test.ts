import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotHost, startBotHost, teamsActivity } from "./support/bot-host.js";
import { type FakeConnector, startFakeConnector } from "./support/fake-connector.js";
import { rawRequest } from "./support/raw-http.js";

// Review of issue 16: the loopback guard refuses other names (DNS rebinding), but any web page
// the developer opens can still post to http://localhost:<port>: a `fetch(…, { mode: "no-cors" })`
// with a text/plain body is a "simple" request, sent without a CORS preflight, with the real
// `Host: localhost:<port>` and the page's `Origin`. The page cannot read the answer, but the
// anonymous bot posts its reply to the activity's `serviceUrl`, which the page chose.
let host: BotHost;
let attacker: FakeConnector;
let port: string;

beforeAll(async () => {
  attacker = await startFakeConnector();
  host = await startBotHost();
  port = new URL(host.url).port;
});
afterAll(async () => {
  await host?.stop();
  await attacker?.close();
});

/** Exactly what the browser sends for the page's no-cors fetch. */
const crossSitePost = (activity: object) =>
  rawRequest(`${host.url}/api/messages`, {
    method: "POST",
    headers: {
      Host: `localhost:${port}`,
      Origin: "https://attacker.example",
      "Sec-Fetch-Site": "cross-site",
      "Sec-Fetch-Mode": "no-cors",
      "Content-Type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify(activity),
  });

describe("dev mode and a page of another site open in the developer's browser", () => {
  it("cannot make the anonymous bot send the demo manager's status to a server of its own", async () => {
    const before = attacker.calls.length;

    const answer = await crossSitePost(
      teamsActivity({
        serviceUrl: attacker.url,
        tenantId: host.tenantId,
        userId: host.users.marta.id,
        text: "status",
      }),
    );

    expect(attacker.calls.slice(before)).toEqual([]);
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });

  it("cannot point the demo manager's stored conversation at its own server", async () => {
    await crossSitePost(
      teamsActivity({
        serviceUrl: attacker.url,
        tenantId: host.tenantId,
        userId: host.users.marta.id,
        text: "help",
      }),
    );

    const stored = await host.deps.store.conversations.get(host.tenantId, {
      scope: "user",
      userId: host.users.marta.id,
    });
    expect(stored?.serviceUrl ?? null).not.toBe(attacker.url);
  });
});
