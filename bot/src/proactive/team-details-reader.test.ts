import { describe, expect, it } from "vitest";
import { createConnectorClient } from "./connector-client.js";
import { createProactiveSender } from "./proactive-sender.js";
import { createRateLimiter } from "./rate-limiter.js";
import { createTeamDetailsReader } from "./team-details-reader.js";

const GROUP = "0b5c4d3e-0000-4000-8000-000000000001";

/** The reader as the bot runtime builds it (one attempt), over a fetch answering `answers`. */
const scripted = (answers: { status: number; body: unknown }[]) => {
  const urls: string[] = [];
  const client = createConnectorClient({
    token: async () => "token",
    fetch: async (url) => {
      urls.push(String(url));
      const next = answers.shift() ?? { status: 200, body: { id: "x", aadGroupId: GROUP } };
      return new Response(JSON.stringify(next.body), { status: next.status });
    },
  });
  const send = createProactiveSender({
    limiter: createRateLimiter({ sleep: async () => undefined }),
    maxAttempts: 1,
  });
  return { read: createTeamDetailsReader(client, send), urls };
};

describe("createTeamDetailsReader", () => {
  it("answers the team's group and name from GET /v3/teams/{id}", async () => {
    const { read, urls } = scripted([
      { status: 200, body: { id: "19:t@thread.tacv2", name: "Sales", aadGroupId: GROUP } },
    ]);
    expect(await read("http://connector.test/", "19:t@thread.tacv2", "tenant")).toEqual({
      id: "19:t@thread.tacv2",
      name: "Sales",
      aadGroupId: GROUP,
    });
    expect(urls).toEqual(["http://connector.test/v3/teams/19%3At%40thread.tacv2"]);
  });

  it("tries once inside a turn: a 503 is an error at once, not a back-off", async () => {
    const { read, urls } = scripted([{ status: 503, body: null }]);
    await expect(read("http://connector.test/", "19:t@thread.tacv2", "tenant")).rejects.toThrow(
      "HTTP 503",
    );
    expect(urls).toHaveLength(1);
  });

  it("refuses an answer that names no group", async () => {
    const { read } = scripted([{ status: 200, body: { id: "19:t@thread.tacv2", name: "Sales" } }]);
    await expect(read("http://connector.test/", "19:t@thread.tacv2", "tenant")).rejects.toThrow(
      "named no group",
    );
  });
});
