import { addNote, ulidGenerator } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { eventually } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";
import { cardWarnings } from "./support/parse-card.js";
import { pressDone } from "./support/press-done.js";

const bot = useBotTestbed({ validateCards: true, minCards: 3 });

const TEAM = { teamId: "19:sales-team@thread.tacv2", channelId: "19:deals@thread.tacv2" };

describe("the bot over HTTP, with a local stand-in for the Bot Connector", () => {
  it("saves the personal conversation reference on install", async () => {
    const marta = bot.host.users.marta.id;
    const answer = await bot.post(marta, { type: "installationUpdate", action: "add" });
    expect(answer.status).toBeLessThan(300);
    expect(
      await bot.host.deps.store.conversations.get(bot.host.tenantId, {
        scope: "user",
        userId: marta,
      }),
    ).toMatchObject({
      active: true,
      serviceUrl: bot.connector.url,
    });
  });

  it("answers `<at>Dealflow</at> status` in a channel with the summary card", async () => {
    const before = bot.connector.calls.length;
    const answer = await bot.post(bot.host.users.marta.id, {
      text: "<at>Dealflow</at> status",
      channel: TEAM,
    });
    expect(answer.status).toBe(200);
    const reply = bot.connector.calls.slice(before).find((call) => call.method === "POST");
    expect(reply?.path).toContain(`/v3/conversations/${TEAM.channelId}`);
    expect(JSON.stringify(reply?.body)).toContain("Pipeline summary");
    expect(
      await bot.host.deps.store.conversations.get(bot.host.tenantId, { scope: "channel", ...TEAM }),
    ).toMatchObject({ active: true });
  });

  it("completes a task from an adaptiveCard/action invoke and returns the refreshed card", async () => {
    const ana = bot.host.users.ana.id;
    const tasks = await bot.host.deps.store.listOpenTasksByOwner(bot.host.tenantId, ana, {});
    const task = tasks.items[0];
    if (!task) throw new Error("the demo tenant has no open task for Ana");
    const answer = await pressDone(bot, ana, task.id, { outcome: "promising" });
    expect(answer.status).toBe(200);
    const body = answer.body as { statusCode: number; type: string; value: unknown };
    expect(body).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
    });
    expect(JSON.stringify(body.value)).toContain("Done by Ana García (Promising)");
    expect(cardWarnings(body.value)).toEqual([]);
    expect((await bot.host.deps.store.getTask(bot.host.tenantId, task.id))?.status).toBe("done");
  });

  it("keeps the note typed in the reminder's Done form on the opportunity", async () => {
    const ana = bot.host.users.ana.id;
    const tasks = await bot.host.deps.store.listOpenTasksByOwner(bot.host.tenantId, ana, {});
    const task = tasks.items.find((candidate) => candidate.opportunityId !== null);
    if (!task?.opportunityId) throw new Error("the demo tenant has no open task of an opportunity");
    const answer = await pressDone(bot, ana, task.id, {
      outcome: "none",
      note: "  Left a voicemail; **call back** Monday ",
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify((answer.body as { value: unknown }).value)).toContain(
      "Done by Ana García",
    );
    const notes = await bot.host.deps.store.listNotes(bot.host.tenantId, task.opportunityId);
    expect(notes.items.map((note) => note.text)).toContain(
      "Left a voicemail; **call back** Monday",
    );
  });

  it("merges quick changes to one opportunity into one card for a follower", async () => {
    const { ana, marta } = bot.host.users;
    await bot.post(marta.id, { text: "help" });
    const owned = await bot.host.deps.store.listOpportunities(bot.host.tenantId, {
      kind: "owner",
      ownerId: ana.id,
    });
    const first = owned.items[0];
    if (!first) throw new Error("Ana owns no open opportunity");
    await bot.post(marta.id, { text: `follow ${first.id}` });
    const before = bot.connector.calls.length;
    const settings = await bot.host.deps.store.getSettings(bot.host.tenantId);
    const ctx = () => ({
      now: new Date(),
      actor: { tenantId: bot.host.tenantId, userId: ana.id, role: "seller" as const, teamIds: [] },
      tenantId: bot.host.tenantId,
      settings,
      ids: ulidGenerator(),
    });
    for (const text of ["Called, left a message", "Sent the brochure", "Booked a demo"]) {
      const opportunity = await bot.host.deps.store.getOpportunity(bot.host.tenantId, first.id);
      if (!opportunity) throw new Error("gone");
      await bot.host.deps.store.commit(bot.host.tenantId, addNote({ opportunity, text }, ctx()));
    }
    const martaChat = `/v3/conversations/a:personal-${marta.id}/activities`;
    const merged = await eventually(() => {
      // Other cards may reach Marta meanwhile (the demo has her follow other deals).
      const calls = bot.connector.calls
        .slice(before)
        .filter(
          (call) => call.path.startsWith(martaChat) && JSON.stringify(call.body).includes(first.id),
        );
      const last = JSON.stringify(calls.at(-1)?.body ?? "");
      return ["Called, left a message", "Sent the brochure", "Booked a demo"].every((line) =>
        last.includes(line),
      )
        ? calls
        : null;
    });
    expect(merged.filter((call) => call.method === "POST")).toHaveLength(1);
    expect(merged.filter((call) => call.method === "PUT").length).toBeGreaterThanOrEqual(1);
  });
});
