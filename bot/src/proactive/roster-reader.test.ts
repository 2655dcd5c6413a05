import { describe, expect, it } from "vitest";
import { type ConnectorClient, createConnectorClient } from "./connector-client.js";
import { createProactiveSender } from "./proactive-sender.js";
import { createRateLimiter } from "./rate-limiter.js";
import { createRosterReader } from "./roster-reader.js";

/** The connector client over a scripted fetch: each call answers the next of `answers`. */
const scripted = (answers: { status: number; body: unknown }[]) => {
  const urls: string[] = [];
  const client: ConnectorClient = createConnectorClient({
    token: async () => "token",
    fetch: async (url) => {
      urls.push(String(url));
      const next = answers.shift() ?? { status: 500, body: null };
      return new Response(JSON.stringify(next.body), { status: next.status });
    },
  });
  const send = createProactiveSender({
    limiter: createRateLimiter({ sleep: async () => undefined }),
    sleep: async () => undefined,
    random: () => 0,
  });
  return { read: createRosterReader(client, send, 2), urls };
};

const member = (n: number) => ({ id: `29:${n}`, aadObjectId: `oid-${n}`, name: `P${n}` });

describe("createRosterReader", () => {
  it("reads every page, passing each continuationToken on", async () => {
    const { read, urls } = scripted([
      { status: 200, body: { members: [member(1), member(2)], continuationToken: "t2" } },
      { status: 200, body: { members: [member(3)] } },
    ]);
    const roster = await read("http://connector.test/", "19:team@thread.tacv2", "tenant");
    expect(roster.map((m) => m.aadObjectId)).toEqual(["oid-1", "oid-2", "oid-3"]);
    expect(urls).toEqual([
      "http://connector.test/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=2",
      "http://connector.test/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=2&continuationToken=t2",
    ]);
  });

  it("retries a page the connector failed with a 503", async () => {
    const { read, urls } = scripted([
      { status: 503, body: null },
      { status: 200, body: { members: [member(1)] } },
    ]);
    expect(await read("http://connector.test", "19:t", "tenant")).toHaveLength(1);
    expect(urls).toHaveLength(2);
  });

  it("throws rather than answer part of a roster when a page cannot be read", async () => {
    const { read } = scripted([
      { status: 200, body: { members: [member(1)], continuationToken: "t2" } },
      { status: 404, body: { error: { code: "ConversationNotFound" } } },
    ]);
    await expect(read("http://connector.test", "19:t", "tenant")).rejects.toThrow(
      "ConversationNotFound",
    );
  });
});
