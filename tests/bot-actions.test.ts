import { DAY_MS, HOUR_MS } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { useBotTestbed } from "./support/bot-testbed.js";
import { cardWarnings } from "./support/parse-card.js";

// Universal Actions end to end: an `adaptiveCard/action` invoke over HTTP into the real host,
// the change committed in Azurite, the refreshed card answered and the acted-on message updated.

const bot = useBotTestbed();

const TEAM = { teamId: "19:sales-team@thread.tacv2", channelId: "19:deals@thread.tacv2" };

/** Posts the invoke Teams sends when `verb` is clicked on the message `replyToId`. */
const invoke = async (
  userId: string,
  data: Record<string, string>,
  options: { replyToId: string; channel?: typeof TEAM },
) => {
  const before = bot.connector.calls.length;
  const answer = await bot.post(userId, {
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: options.replyToId,
    ...(options.channel ? { channel: options.channel } : {}),
    value: { action: { type: "Action.Execute", verb: data.verb, data }, trigger: "manual" },
  });
  expect(answer.status).toBe(200);
  const body = answer.body as { statusCode: number; type: string; value: unknown };
  expect(body).toMatchObject({
    statusCode: 200,
    type: "application/vnd.microsoft.card.adaptive",
  });
  expect(cardWarnings(body.value)).toEqual([]);
  const updates = bot.connector.calls
    .slice(before)
    .filter((call) => call.method === "PUT" && call.path.endsWith(`/${options.replyToId}`));
  return { card: JSON.stringify(body.value), posted: body.value, updates };
};

/** The acted-on message was replaced, for everyone, by the same refreshed card. */
const expectActedOnUpdated = (result: Awaited<ReturnType<typeof invoke>>) => {
  expect(result.updates).toHaveLength(1);
  const body = result.updates[0]?.body as { attachments?: { content?: unknown }[] } | undefined;
  const content = body?.attachments?.[0]?.content;
  expect(cardWarnings(content)).toEqual([]);
  expect(content).toEqual(result.posted);
};

/** The verbs of a card's buttons (each Action.Execute repeats its verb in its data). */
const verbsOf = (card: string) => [
  ...new Set(
    [...card.matchAll(/"verb":"([a-z.]+)"/g)]
      .map((match) => match[1])
      .filter((verb) => verb !== "refresh"),
  ),
];

describe("Universal Actions over HTTP", () => {
  const snoozes: [string, (now: number) => [number, number]][] = [
    ["1h", (now) => [now + HOUR_MS, now + HOUR_MS]],
    ["1w", (now) => [now + 7 * DAY_MS, now + 7 * DAY_MS]],
    ["tomorrow", (now) => [now + 1, now + 2 * DAY_MS]],
  ];

  it.each(snoozes)(
    "snoozes a task reminder by %s, moving the task's due time and refreshing the card",
    async (until, window) => {
      const ana = bot.host.users.ana.id;
      const tasks = await bot.host.deps.store.listOpenTasksByOwner(bot.host.tenantId, ana, {});
      const task = tasks.items.find((item) => item.opportunityId !== null);
      if (!task) throw new Error("the demo tenant has no open task for Ana");
      const startedAt = Date.now();

      const result = await invoke(
        ana,
        { verb: "task.snooze", card: "task-reminder", taskId: task.id, when: "due", until },
        { replyToId: `reminder-${until}` },
      );

      const stored = await bot.host.deps.store.getTask(bot.host.tenantId, task.id);
      const dueAt = Date.parse(stored?.dueAt ?? "");
      const [earliest] = window(startedAt);
      const [, latest] = window(Date.now());
      expect(dueAt).toBeGreaterThanOrEqual(earliest - 1_000);
      expect(dueAt).toBeLessThanOrEqual(latest + 1_000);
      expect(stored?.status).toBe("open");
      expect(result.card).toContain("Snoozed until");
      expect(result.card).toContain(task.title);
      expectActedOnUpdated(result);
    },
  );

  it("snoozes tomorrow to 09:00 in the user's time zone", async () => {
    const ana = bot.host.users.ana.id;
    const tasks = await bot.host.deps.store.listOpenTasksByOwner(bot.host.tenantId, ana, {});
    const task = tasks.items[0];
    if (!task) throw new Error("the demo tenant has no open task for Ana");
    await invoke(
      ana,
      {
        verb: "task.snooze",
        card: "task-reminder",
        taskId: task.id,
        when: "due",
        until: "tomorrow",
      },
      { replyToId: "reminder-tomorrow-zone" },
    );
    const settings = await bot.host.deps.store.getSettings(bot.host.tenantId);
    const dueAt = new Date(
      (await bot.host.deps.store.getTask(bot.host.tenantId, task.id))?.dueAt ?? "",
    );
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: bot.host.users.ana.timeZone ?? settings.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(dueAt);
    expect(local).toBe("09:00");
  });

  /** An unassigned opportunity of the demo tenant, which sellers cannot read (owner visibility). */
  const unassignedOne = async () => {
    const waiting = await bot.host.deps.store.listOpportunities(bot.host.tenantId, {
      kind: "first-contact",
    });
    const unassigned = waiting.items.find((item) => item.ownerId === null);
    if (!unassigned) throw new Error("the demo tenant has no unassigned opportunity");
    return unassigned;
  };
  const OTHER_CHANNEL = { teamId: TEAM.teamId, channelId: "19:random@thread.tacv2" };

  // The attack: an edited invoke naming an opportunity the seller cannot read, sent from
  // where its channel post never went (a personal chat, a channel not linked to its pipeline).
  it("refuses a claim sent from a chat or a channel where the post never went", async () => {
    const unassigned = await unassignedOne();
    const luis = bot.host.users.luis.id;
    await bot.post(luis, { text: "<at>Dealflow</at> help", channel: OTHER_CHANNEL });

    for (const channel of [undefined, OTHER_CHANNEL]) {
      const result = await invoke(
        luis,
        { verb: "opportunity.claim", card: "new-opportunity", opportunityId: unassigned.id },
        { replyToId: "forged-claim", ...(channel ? { channel } : {}) },
      );
      expect(result.card).toContain("That no longer exists, or you cannot see it.");
      expect(result.updates).toHaveLength(0);
    }
    expect(
      (await bot.host.deps.store.getOpportunity(bot.host.tenantId, unassigned.id))?.ownerId,
    ).toBeNull();
  });

  it("lets a seller claim an unassigned opportunity from its channel card", async () => {
    const luis = bot.host.users.luis.id;
    const unassigned = await unassignedOne();
    // The post goes to the channel linked to the opportunity's pipeline.
    await bot.post(bot.host.users.marta.id, {
      text: `<at>Dealflow</at> link ${unassigned.pipelineId}`,
      channel: TEAM,
    });

    const result = await invoke(
      luis,
      { verb: "opportunity.claim", card: "new-opportunity", opportunityId: unassigned.id },
      { replyToId: "new-opportunity-post", channel: TEAM },
    );

    expect(
      (await bot.host.deps.store.getOpportunity(bot.host.tenantId, unassigned.id))?.ownerId,
    ).toBe(luis);
    expect(result.card).toContain("Claimed by Luis Romero");
    expect(verbsOf(result.card)).not.toContain("opportunity.claim");
    expect(result.updates[0]?.path).toContain(`/v3/conversations/${TEAM.channelId}`);
    expectActedOnUpdated(result);
  });

  it("answers a second claim of the same opportunity with the reason, changing nothing", async () => {
    const waiting = await bot.host.deps.store.listOpportunities(bot.host.tenantId, { kind: "all" });
    const claimed = waiting.items.find((item) => item.ownerId === bot.host.users.luis.id);
    if (!claimed) throw new Error("Luis owns nothing");
    const result = await invoke(
      bot.host.users.ana.id,
      { verb: "opportunity.claim", card: "new-opportunity", opportunityId: claimed.id },
      { replyToId: "new-opportunity-again", channel: TEAM },
    );
    expect(result.card).toContain("That was already done.");
    expect(result.updates).toHaveLength(0);
    expect((await bot.host.deps.store.getOpportunity(bot.host.tenantId, claimed.id))?.ownerId).toBe(
      bot.host.users.luis.id,
    );
  });

  describe("on a follower card", () => {
    const marta = () => bot.host.users.marta.id;
    const followed = async () => {
      const page = await bot.host.deps.store.listOpportunities(bot.host.tenantId, {
        kind: "following",
        userId: marta(),
      });
      return page.items;
    };

    it("mutes the opportunity for the clicker and offers Unmute instead", async () => {
      const [opportunity] = await followed();
      if (!opportunity) throw new Error("Marta follows nothing in the demo");

      const result = await invoke(
        marta(),
        { verb: "opportunity.mute", card: "follower-update", opportunityId: opportunity.id },
        { replyToId: "follower-card-mute" },
      );

      const stored = await bot.host.deps.store.getOpportunity(bot.host.tenantId, opportunity.id);
      expect(stored?.mutedBy).toContain(marta());
      expect(stored?.followers).toContain(marta());
      expect(result.card).toContain("Muted: you will get no more cards");
      expect(verbsOf(result.card)).toEqual(["opportunity.unmute"]);
      expectActedOnUpdated(result);
    });

    it("unfollows the opportunity and leaves only Open on the card", async () => {
      const before = await followed();
      const opportunity = before.at(-1);
      if (!opportunity) throw new Error("Marta follows nothing in the demo");

      const result = await invoke(
        marta(),
        { verb: "opportunity.unfollow", card: "follower-update", opportunityId: opportunity.id },
        { replyToId: "follower-card-unfollow" },
      );

      const stored = await bot.host.deps.store.getOpportunity(bot.host.tenantId, opportunity.id);
      expect(stored?.followers).not.toContain(marta());
      expect(result.card).toContain("You no longer follow this opportunity.");
      expect(verbsOf(result.card)).toEqual([]);
      expect((await followed()).map((item) => item.id)).not.toContain(opportunity.id);
      expectActedOnUpdated(result);
    });
  });
});
