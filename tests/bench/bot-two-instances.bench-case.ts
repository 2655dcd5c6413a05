import { randomUUID } from "node:crypto";
import {
  createConnectorClient,
  createProactiveSender,
  createRateLimiter,
  type LimiterPeers,
} from "../../bot/src/index.js";
import { createLimiterPeers } from "../../functions/src/bot/limiter-peers.js";
import { startFakeConnector } from "../support/fake-connector.js";
import { type BenchCase, fixed } from "./bench-kit.js";

/** Teams' limits for one bot: 7 per second per conversation, 50 per second per tenant. */
const LIMITS = { perConversation: 7, perTenant: 50, retryAfter: 1 };
const PER_INSTANCE = 250;

const card = {
  type: "AdaptiveCard" as const,
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5" as const,
  body: [{ type: "TextBlock", text: "Task reminder: call Reformas Ortega", wrap: true }],
  fallbackText: "Task reminder: call Reformas Ortega",
};

/** Two instances, each sending PER_INSTANCE cards to its own chats of one tenant, at once. */
const run = async (peersOf: (instance: string) => LimiterPeers | undefined) => {
  const connector = await startFakeConnector({ limits: LIMITS });
  const client = createConnectorClient({ token: async () => null });
  const tenantId = randomUUID();
  try {
    const started = Date.now();
    const outcomes = await Promise.all(
      ["a", "b"].flatMap((instance) => {
        const send = createProactiveSender({
          limiter: createRateLimiter({ peers: peersOf(instance) }),
        });
        return Array.from({ length: PER_INSTANCE }, (_, i) => {
          const conversationId = `a:${instance}-${i}`;
          return send({ tenantId, conversationId }, () =>
            client.send(connector.url, conversationId, card),
          );
        });
      }),
    );
    const accepted = connector.calls.filter((call) => call.status === 201);
    const perChat = new Map<string, number>();
    for (const call of accepted) perChat.set(call.path, (perChat.get(call.path) ?? 0) + 1);
    const seconds = (Math.max(...accepted.map((call) => call.at)) - started) / 1000;
    return {
      perSecond: accepted.length / seconds,
      lost: outcomes.filter((outcome) => outcome.kind !== "sent").length,
      duplicated: [...perChat.values()].filter((count) => count > 1).length,
      throttled: connector.throttled(),
    };
  } finally {
    await connector.close();
  }
};

/**
 * Issue 23 item 3: two Function instances deliver for one tenant at once, through a local Bot
 * Connector enforcing Teams' limits. Per-process pacing (the baseline before) against the
 * limits shared through storage (limiter-peers.ts). The tenant limit is the baseline.
 */
export const botTwoInstances: BenchCase = {
  name: "bot-two-instances",
  async run(ctx) {
    const store = await ctx.newStore();
    ctx.log(`two instances × ${PER_INSTANCE} cards, each pacing alone`);
    const alone = await run(() => undefined);
    ctx.log(`two instances × ${PER_INSTANCE} cards, sharing Teams' limits through storage`);
    const shared = await run((instance) =>
      createLimiterPeers({ log: store.limiterPeers, instanceId: instance }),
    );
    const percent = (perSecond: number) => `${fixed((100 * perSecond) / LIMITS.perTenant, 0)} %`;
    return {
      title: "Bot: two instances delivering for one tenant",
      description: `Two Function instances (each its own limiter and sender, as two host processes) send ${PER_INSTANCE} cards each, at once, to their own 1:1 chats of one tenant through a local Bot Connector that enforces Teams' limits (${LIMITS.perConversation}/s per conversation, ${LIMITS.perTenant}/s per tenant across both) and answers 429 with Retry-After ${LIMITS.retryAfter} s beyond them. The tenant limit is the baseline.`,
      headers: ["measurement", "each pacing alone", "sharing the limits", "baseline"],
      rows: [
        [
          "cards accepted per second, both instances",
          fixed(alone.perSecond, 1),
          fixed(shared.perSecond, 1),
          `${LIMITS.perTenant} (tenant limit)`,
        ],
        ["share of the tenant limit", percent(alone.perSecond), percent(shared.perSecond), "—"],
        ["429s answered by the connector", alone.throttled, shared.throttled, 0],
        ["cards lost (not sent after every retry)", alone.lost, shared.lost, 0],
        ["chats with more than one card", alone.duplicated, shared.duplicated, 0],
      ],
      notes: [
        `Goal: ≥ 90 % of the tenant limit with two instances, 0 lost, 0 duplicated: ${(100 * shared.perSecond) / LIMITS.perTenant >= 90 && shared.lost === 0 && shared.duplicated === 0 ? "met" : "not met"} in this run.`,
        "Choice: a limiter whose share both instances see, rather than a single delivering instance. While an instance sends for a tenant it writes, every second, the part of Teams' limits it uses (partition `limiter` of Tenants) and reads who else did within 15 s; it takes 1/n of each of Teams' windows (rounded down; its own pacing rounded up), never more than the others leave. A newcomer says it takes nothing, reads, says its part and reads again; one left nothing waits until the others have made room and their earlier bookings have left Teams' 1 s window (docs/bot.md, *More than one instance*). A single-instance delivery function would cap Azure's scale-out for every queue of the app; this costs two to four storage operations per second per sending instance and tenant, and an idle instance drops out after 15 s so a lone sender has the whole budget again.",
        "Both runs start together, so the shared run includes the two instances agreeing on their parts (one of them may wait for the other's next look and for its earlier bookings to leave the window).",
      ],
    };
  },
};
