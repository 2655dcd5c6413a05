import { addNote, type Opportunity, ulidGenerator } from "@dealflow/core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createFunctions } from "../functions/src/create-functions.js";
import { MAX_DELIVERY_ATTEMPTS } from "../functions/src/notifications/deliver-notification.function.js";
import { NOTIFICATIONS_QUEUE } from "../functions/src/notifications/notifications-queue.js";
import { createInvocationContext } from "../host/src/invocation-context.js";
import { eventually } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";
import { quiet } from "./support/quiet.js";

// Intents go the whole way: a core use case commits, the outbox row is queued (Azurite), the
// host's queue trigger runs the real consumer, and the bot channel calls the fake connector.

const bot = useBotTestbed({ validateCards: true });

const chatOf = (userId: string) => `a:personal-${userId}`;

/** Followers who installed the app (a saved personal reference each), by what their chat does. */
const FOLLOWERS = {
  healthy: ["f0000000-0000-4000-8000-000000000001", "f0000000-0000-4000-8000-000000000002"],
  throttled: "f0000000-0000-4000-8000-000000000003",
  flaky: "f0000000-0000-4000-8000-000000000004",
  refusedOnce: "f0000000-0000-4000-8000-000000000005",
  gone: {
    BotNotInConversationRoster: "f0000000-0000-4000-8000-000000000006",
    ConversationBlockedByUser: "f0000000-0000-4000-8000-000000000007",
    BotDisabledByAdmin: "f0000000-0000-4000-8000-000000000008",
    ConversationNotFound: "f0000000-0000-4000-8000-000000000009",
  },
} as const;
const GONE_STATUS = { ConversationNotFound: 404 } as Record<string, number>;
const reachable = [
  ...FOLLOWERS.healthy,
  FOLLOWERS.throttled,
  FOLLOWERS.flaky,
  FOLLOWERS.refusedOnce,
];
const goneFollowers = Object.entries(FOLLOWERS.gone);

const install = async (userId: string) => {
  const answer = await bot.post(userId, { type: "installationUpdate", action: "add" });
  expect(answer.status).toBeLessThan(300);
};

const anaContext = async () => ({
  now: new Date(),
  actor: {
    tenantId: bot.host.tenantId,
    userId: bot.host.users.ana.id,
    role: "seller" as const,
    teamIds: [],
  },
  tenantId: bot.host.tenantId,
  settings: await bot.host.deps.store.getSettings(bot.host.tenantId),
  ids: ulidGenerator(),
});

/** One of Ana's open opportunities, followed by exactly `followers` (test arrangement). */
const opportunityFollowedBy = async (index: number, followers: string[]): Promise<Opportunity> => {
  const owned = await bot.host.deps.store.listOpportunities(bot.host.tenantId, {
    kind: "owner",
    ownerId: bot.host.users.ana.id,
  });
  const listed = owned.items[index];
  if (!listed) throw new Error(`Ana owns fewer than ${index + 1} opportunities`);
  const before = await bot.host.deps.store.getOpportunity(bot.host.tenantId, listed.id);
  if (!before) throw new Error("gone");
  await bot.host.deps.store.commit(
    bot.host.tenantId,
    {
      changes: [{ entity: "opportunity", before, after: { ...before, followers, mutedBy: [] } }],
      schedule: [],
      cancel: [],
    },
    { notify: false },
  );
  const after = await bot.host.deps.store.getOpportunity(bot.host.tenantId, listed.id);
  if (!after) throw new Error("gone");
  return after;
};

/** Ana adds a note: one follower-update intent, queued; resolves with its outbox id. */
const noteBy = async (opportunityId: string, text: string): Promise<string> => {
  const opportunity = await bot.host.deps.store.getOpportunity(bot.host.tenantId, opportunityId);
  if (!opportunity) throw new Error("gone");
  const result = await bot.host.deps.store.commit(
    bot.host.tenantId,
    addNote({ opportunity, text }, await anaContext()),
  );
  const id = result.notifications[0]?.id;
  if (!id) throw new Error("the note queued no notification");
  return id;
};

const delivered = (notificationId: string) =>
  eventually(async () => {
    const row = await bot.host.deps.store.getNotification(bot.host.tenantId, notificationId);
    return row?.deliveredAt ? row : null;
  }, 60_000);

/** Cards the connector accepted in a chat that mention `text` (posts and updates apart). */
const acceptedIn = (userId: string, text: string) => {
  const calls = bot.connector
    .callsTo(chatOf(userId))
    .filter((call) => call.status < 300 && JSON.stringify(call.body).includes(text));
  return {
    posts: calls.filter((call) => call.method === "POST").length,
    updates: calls.filter((call) => call.method === "PUT").length,
  };
};

const statusCardOf = async (userId: string) => {
  const before = bot.connector.calls.length;
  const answer = await bot.post(userId, { text: "status" });
  expect(answer.status).toBe(200);
  const reply = bot.connector.calls
    .slice(before)
    .find((call) => call.method === "POST" && call.path.includes(chatOf(userId)));
  return JSON.stringify(reply?.body ?? null);
};

const deadLetterFact = (card: string): string | null => {
  const match = /"title":"Undeliverable notifications","value":"(\d+)"/.exec(card);
  return match?.[1] ?? null;
};

describe("delivery of queued notifications through a faulty Bot Connector", () => {
  let opportunity: Opportunity;
  let firstId: string;

  beforeAll(async () => {
    for (const userId of [...reachable, ...goneFollowers.map(([, id]) => id)]) {
      await install(userId);
    }
    opportunity = await opportunityFollowedBy(0, [
      ...reachable,
      ...goneFollowers.map(([, id]) => id),
    ]);
    bot.connector.fail(
      (call) => call.path.includes(chatOf(FOLLOWERS.throttled)),
      [{ status: 429, code: "TooManyRequests", retryAfter: 1 }],
    );
    bot.connector.fail(
      (call) => call.path.includes(chatOf(FOLLOWERS.flaky)),
      [{ status: 500 }, { status: 500 }],
    );
    // A 400 is neither transient nor "gone": this recipient fails the attempt, the queue
    // retries the whole intent, and only this recipient is sent to again.
    bot.connector.fail(
      (call) => call.path.includes(chatOf(FOLLOWERS.refusedOnce)),
      [{ status: 400, code: "BadArgument" }],
    );
    for (const [code, userId] of goneFollowers) {
      bot.connector.fail(
        (call) => call.path.includes(chatOf(userId)),
        [{ status: GONE_STATUS[code] ?? 403, code }],
      );
    }
    firstId = await noteBy(opportunity.id, "Called the client back");
    await delivered(firstId);
  });

  it("delivers exactly one card to every reachable follower despite 429, 500s and a retried intent", () => {
    for (const userId of reachable) {
      expect(acceptedIn(userId, "Called the client back"), userId).toEqual({
        posts: 1,
        updates: 0,
      });
    }
  });

  it("waits out Retry-After and backs off through 500s instead of giving up", () => {
    expect(bot.connector.callsTo(chatOf(FOLLOWERS.throttled)).map((call) => call.status)).toEqual([
      429, 201,
    ]);
    expect(bot.connector.callsTo(chatOf(FOLLOWERS.flaky)).map((call) => call.status)).toEqual([
      500, 500, 201,
    ]);
    expect(bot.connector.callsTo(chatOf(FOLLOWERS.refusedOnce)).map((call) => call.status)).toEqual(
      [400, 201],
    );
  });

  it.each(goneFollowers)(
    "calls a %s conversation exactly once and deactivates its reference",
    async (code, userId) => {
      expect(bot.connector.callsTo(chatOf(userId))).toHaveLength(1);
      expect(
        await bot.host.deps.store.conversations.get(bot.host.tenantId, { scope: "user", userId }),
      ).toMatchObject({ active: false, deactivatedReason: code });
    },
  );

  it("merges a later change into the same card and never calls a gone conversation again", async () => {
    const secondId = await noteBy(opportunity.id, "Sent the revised quote");
    await delivered(secondId);
    for (const userId of reachable) {
      expect(acceptedIn(userId, "Sent the revised quote"), userId).toEqual({
        posts: 0,
        updates: 1,
      });
    }
    for (const [, userId] of goneFollowers) {
      expect(bot.connector.callsTo(chatOf(userId))).toHaveLength(1);
    }
  });
});

describe("dead letters", () => {
  const doomed = "f0000000-0000-4000-8000-00000000000d";

  it(`dead-letters an intent after ${MAX_DELIVERY_ATTEMPTS} failed attempts and counts it in a manager's status`, async () => {
    const { marta } = bot.host.users;
    await install(marta.id);
    await install(doomed);
    expect(deadLetterFact(await statusCardOf(marta.id))).toBe("0");

    const opportunity = await opportunityFollowedBy(1, [doomed]);
    bot.connector.fail(
      (call) => call.path.includes(chatOf(doomed)),
      Array(MAX_DELIVERY_ATTEMPTS + 3).fill({ status: 400, code: "BadArgument" }),
    );
    const id = await noteBy(opportunity.id, "Left a voicemail");
    const log = bot.host.deps.store.deliveryLog;
    await eventually(async () => ((await log.isDeadLettered(bot.host.tenantId, id)) ? true : null));

    expect(bot.connector.callsTo(chatOf(doomed))).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(deadLetterFact(await statusCardOf(marta.id))).toBe("1");
    expect(
      (await bot.host.deps.store.getNotification(bot.host.tenantId, id))?.deliveredAt,
    ).toBeNull();
    // Sellers do not see the count.
    await install(bot.host.users.ana.id);
    expect(deadLetterFact(await statusCardOf(bot.host.users.ana.id))).toBeNull();

    // The row is queued again, as the sweep's relay does: it is not tried a sixth time. The
    // first dequeue of a commit's own message skips the dead-letter read (it cannot be dead yet);
    // a retried one reads it.
    const deliver = createFunctions(bot.host.deps).find((d) => d.name === "deliver-notification");
    if (deliver?.trigger !== "queue") throw new Error("no deliver-notification function");
    expect(deliver.queueName).toBe(NOTIFICATIONS_QUEUE);
    const run = (message: object, dequeueCount: number) =>
      deliver.handler(
        message,
        createInvocationContext(deliver.name, quiet, { dequeueCount, id: `m-${dequeueCount}` }),
      );
    const message = { tenantId: bot.host.tenantId, notificationId: id };
    await run({ ...message, resend: true }, 1);
    await run(message, 2);
    expect(bot.connector.callsTo(chatOf(doomed))).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });
});

describe("what one delivery reads", () => {
  const newcomer = "f0000000-0000-4000-8000-00000000000e";

  it("reads the opportunity once for its audience and every card, and not the line its row carries", async () => {
    await install(newcomer);
    const followers = [...FOLLOWERS.healthy, newcomer];
    const opportunity = await opportunityFollowedBy(2, followers);
    const { store } = bot.host.deps;
    const opportunityReads = vi.spyOn(store, "getOpportunity");
    const lineReads = vi.spyOn(store, "getActivity");
    const timelineReads = vi.spyOn(store, "listActivities");
    try {
      const result = await store.commit(
        bot.host.tenantId,
        addNote({ opportunity, text: "Booked the site visit for Thursday" }, await anaContext()),
      );
      const id = result.notifications[0]?.id;
      if (!id) throw new Error("the note queued no notification");
      await delivered(id);

      for (const userId of followers) {
        expect(acceptedIn(userId, "Booked the site visit for Thursday")).toEqual({
          posts: 1,
          updates: 0,
        });
      }
      const ofThis = (calls: unknown[][]) => calls.filter((args) => args[1] === opportunity.id);
      expect(ofThis(opportunityReads.mock.calls)).toHaveLength(1);
      // The outbox row carries the line it reports (lines are never changed once written).
      expect(ofThis(lineReads.mock.calls)).toHaveLength(0);
      // No follower had a card of this opportunity to merge into: the timeline is not listed.
      expect(ofThis(timelineReads.mock.calls)).toHaveLength(0);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
