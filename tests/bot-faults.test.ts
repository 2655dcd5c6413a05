import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createConnectorClient,
  createProactiveSender,
  createRateLimiter,
  GONE_CODES,
} from "../bot/src/index.js";
import { type FakeConnector, startFakeConnector } from "./support/fake-connector.js";

let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(() => connector.close());

const card = {
  type: "AdaptiveCard" as const,
  $schema: "",
  version: "1.5" as const,
  body: [],
  fallbackText: "x",
};

/** A sender whose waits are recorded, not slept: the test asserts what it would wait. */
const sender = () => {
  const waits: number[] = [];
  let clock = 1_000_000;
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  const limiter = createRateLimiter({ now: () => clock, sleep });
  const send = createProactiveSender({ limiter, sleep, random: () => 0.5 });
  const client = createConnectorClient({ token: async () => null });
  return { waits, send, client };
};

const callsTo = (conversation: string) =>
  connector.calls.filter((call) => call.path.includes(`/v3/conversations/${conversation}/`));

describe("proactive sends against a faulty Bot Connector", () => {
  it("waits out a 429's Retry-After and then delivers once", async () => {
    const { waits, send, client } = sender();
    connector.fail((call) => call.path.includes("conv-429"), [{ status: 429, retryAfter: 3 }]);
    const outcome = await send({ tenantId: "t", conversationId: "conv-429" }, () =>
      client.send(connector.url, "conv-429", card),
    );
    expect(outcome.kind).toBe("sent");
    expect(callsTo("conv-429")).toHaveLength(2);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(3_000);
  });

  it("backs off with jitter through 500s, 502 and 412, then delivers once", async () => {
    const { waits, send, client } = sender();
    connector.fail(
      (call) => call.path.includes("conv-5xx"),
      [{ status: 500 }, { status: 502 }, { status: 412 }],
    );
    const outcome = await send({ tenantId: "t", conversationId: "conv-5xx" }, () =>
      client.send(connector.url, "conv-5xx", card),
    );
    expect(outcome.kind).toBe("sent");
    expect(callsTo("conv-5xx")).toHaveLength(4);
    expect(waits.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(3);
  });

  it("reports failure, without delivering twice, when 5xx outlasts the attempts", async () => {
    const { send, client } = sender();
    connector.fail((call) => call.path.includes("conv-down"), Array(5).fill({ status: 503 }));
    const outcome = await send({ tenantId: "t", conversationId: "conv-down" }, () =>
      client.send(connector.url, "conv-down", card),
    );
    expect(outcome).toMatchObject({ kind: "failed", status: 503 });
    expect(callsTo("conv-down")).toHaveLength(5);
  });

  it.each([
    [403, "BotNotInConversationRoster"],
    [403, "ConversationBlockedByUser"],
    [403, "BotDisabledByAdmin"],
    [404, "ConversationNotFound"],
  ])("treats %i %s as gone after exactly one call", async (status, code) => {
    const { send, client } = sender();
    const conversation = `conv-${code}`;
    connector.fail((call) => call.path.includes(conversation), [{ status, code }]);
    const outcome = await send({ tenantId: "t", conversationId: conversation }, () =>
      client.send(connector.url, conversation, card),
    );
    expect(outcome).toEqual({ kind: "gone", code });
    expect(callsTo(conversation)).toHaveLength(1);
    expect(GONE_CODES).toContain(code);
  });

  it("paces one conversation to 7 sends in any second", async () => {
    const { waits, send, client } = sender();
    for (let i = 0; i < 14; i++) {
      await send({ tenantId: "t", conversationId: "conv-paced" }, () =>
        client.send(connector.url, "conv-paced", card),
      );
    }
    expect(callsTo("conv-paced")).toHaveLength(14);
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(1_000);
  });
});
