import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createConnectorClient,
  createProactiveSender,
  createRateLimiter,
  type LimiterPeers,
} from "../bot/src/index.js";
import { createLimiterPeers } from "../functions/src/bot/limiter-peers.js";
import { startFakeConnector } from "./support/fake-connector.js";
import { createTestStore } from "./support/test-storage.js";

// Issue 23 item 3: two Function instances on one storage account send bot cards for the same
// tenant. Teams counts its limits per bot and tenant (and per conversation), across both; the
// stand-in Bot Connector enforces them and answers 429 beyond. Each instance here is what a
// host process has: its own limiter and sender; with peers they see each other in Azurite.

/** Teams' limits for one bot: 7 per second per conversation, 50 per second per tenant. */
const LIMITS = { perConversation: 7, perTenant: 50, retryAfter: 1 };
const CHATS = 100;
const SHARED_CHANNEL_POSTS = 15;

const card = {
  type: "AdaptiveCard" as const,
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5" as const,
  body: [{ type: "TextBlock", text: "Won: Reformas Ortega", wrap: true }],
  fallbackText: "Won: Reformas Ortega",
};

/**
 * Two instances deliver at once: each to its own CHATS personal chats, and both to one
 * channel. Returns what the connector saw.
 */
const twoInstances = async (peersOf: (instance: string) => LimiterPeers | undefined) => {
  const connector = await startFakeConnector({ limits: LIMITS });
  const tenantId = randomUUID();
  const client = createConnectorClient({ token: async () => null });
  try {
    const results = await Promise.all(
      ["instance-a", "instance-b"].map(async (instance) => {
        const send = createProactiveSender({
          limiter: createRateLimiter({ peers: peersOf(instance) }),
        });
        const conversations = [
          ...Array.from({ length: CHATS }, (_, i) => `a:${instance}-${i}`),
          ...Array.from({ length: SHARED_CHANNEL_POSTS }, () => "19:sales@thread.tacv2"),
        ];
        return Promise.all(
          conversations.map((conversationId) =>
            send({ tenantId, conversationId }, () =>
              client.send(connector.url, conversationId, card),
            ),
          ),
        );
      }),
    );
    const outcomes = results.flat();
    const accepted = connector.calls.filter((call) => call.status === 201);
    const perChat = new Map<string, number>();
    for (const call of accepted) perChat.set(call.path, (perChat.get(call.path) ?? 0) + 1);
    return {
      throttled: connector.throttled(),
      sent: outcomes.filter((outcome) => outcome.kind === "sent").length,
      accepted: accepted.length,
      repeatedChats: [...perChat].filter(([path, count]) => !path.includes("19:sales") && count > 1)
        .length,
      channelPosts: perChat.get("/v3/conversations/19:sales@thread.tacv2/activities") ?? 0,
    };
  } finally {
    await connector.close();
  }
};

const total = 2 * (CHATS + SHARED_CHANNEL_POSTS);

describe("two instances sending for one tenant", () => {
  it("sharing the limits through storage, they stay under them where pacing alone does not; nothing lost or repeated", async () => {
    // Each pacing alone: together they send twice what Teams allows (the risk), answered 429.
    const alone = await twoInstances(() => undefined);
    const store = await createTestStore();
    const shared = await twoInstances((instance) =>
      createLimiterPeers({ log: store.limiterPeers, instanceId: instance }),
    );

    expect(alone.throttled).toBeGreaterThan(20);
    // Not 0 by assertion: on a loaded machine a send can arrive later than it was booked and
    // draw the odd 429 (waited out and resent). Alone draws them by the hundred.
    expect(shared.throttled).toBeLessThan(alone.throttled / 10);
    expect({ ...shared, throttled: undefined }).toEqual({
      throttled: undefined,
      sent: total,
      accepted: total,
      repeatedChats: 0,
      channelPosts: 2 * SHARED_CHANNEL_POSTS,
    });
  }, 240_000);
});
