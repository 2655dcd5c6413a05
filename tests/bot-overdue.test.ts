import { describe, expect, it } from "vitest";
import { useBotTestbed } from "./support/bot-testbed.js";

// Issue 20 item 1 over HTTP: a manager's `overdue` is the team's (by owner), in a linked
// channel that pipeline's, a seller's their own, and each count is the one `status` gives.
const bot = useBotTestbed({ validateCards: true, minCards: 6 });

const CHANNEL = { teamId: "19:sales-team@thread.tacv2", channelId: "19:overdue@thread.tacv2" };

type Element = { type?: string; text?: string; facts?: { title: string; value: string }[] };

/** Sends `text` and returns the body of the card the bot replied with. */
const ask = async (
  userId: string,
  text: string,
  fields: { channel?: typeof CHANNEL; locale?: string } = {},
): Promise<Element[]> => {
  const before = bot.connector.calls.length;
  const answer = await bot.post(userId, { text, ...fields });
  expect(answer.status).toBe(200);
  const reply = bot.connector.calls.slice(before).find((call) => call.method === "POST");
  const body = reply?.body as {
    attachments?: { content?: { body?: Element[] } }[];
  };
  const card = body?.attachments?.[0]?.content?.body;
  if (!card) throw new Error(`no card answered "${text}"`);
  return card;
};

/** The "Overdue tasks" fact of a status card. */
const statusOverdue = (card: Element[]): number => {
  const fact = card
    .flatMap((element) => element.facts ?? [])
    .find((row) => row.title === "Overdue tasks" || row.title === "Tareas vencidas");
  if (!fact) throw new Error("the status card has no overdue fact");
  return Number(fact.value);
};

const texts = (card: Element[]) => card.flatMap((element) => (element.text ? [element.text] : []));

/** "Ana García: 7 overdue" → ["Ana García", 7], for each owner's line of the team card. */
const ownerCounts = (card: Element[]) =>
  texts(card).flatMap((line) => {
    const match = /^(.+): (\d+) (?:overdue|vencidas?)$/.exec(line);
    return match?.[1] && match[2] ? [[match[1], Number(match[2])] as const] : [];
  });

describe("overdue over HTTP", () => {
  it("gives a manager the team's overdue tasks by owner, as many as status counts", async () => {
    const marta = bot.host.users.marta.id;
    const expected = statusOverdue(await ask(marta, "status"));
    expect(expected).toBeGreaterThan(0);

    const card = await ask(marta, "overdue");
    expect(texts(card)[0]).toBe("Your team's overdue tasks");
    expect(texts(card)).toContain(`${expected} overdue tasks, the most urgent first.`);
    const owners = ownerCounts(card);
    // More than one seller has overdue work in the demo tenant; the sum is status's count.
    expect(owners.length).toBeGreaterThan(1);
    expect(owners.reduce((sum, [, count]) => sum + count, 0)).toBe(expected);
    expect(texts(card).join("\n")).not.toContain("Well done");
  });

  it("answers in Spanish with the same counts", async () => {
    const marta = bot.host.users.marta.id;
    const expected = statusOverdue(await ask(marta, "estado", { locale: "es-ES" }));
    const card = await ask(marta, "vencidas", { locale: "es-ES" });
    expect(texts(card)[0]).toBe("Tareas vencidas de tu equipo");
    expect(ownerCounts(card).reduce((sum, [, count]) => sum + count, 0)).toBe(expected);
  });

  it("gives a seller their own, as many as their status counts", async () => {
    const { ana, luis } = bot.host.users;
    const expected = statusOverdue(await ask(ana.id, "status"));
    const card = await ask(ana.id, "overdue");
    expect(texts(card)[0]).toBe("Overdue tasks");
    const lines = texts(card).slice(1);
    expect(lines).toHaveLength(expected === 0 ? 1 : Math.min(expected, 25));
    // Ana's card names none of Luis's work: her tasks only.
    const hers = await bot.host.deps.store.listOpenTasksByOwner(bot.host.tenantId, luis.id, {
      to: new Date(),
    });
    for (const task of hers.items) expect(lines.join("\n")).not.toContain(task.title);
  });

  it("in a channel linked to a pipeline, lists that pipeline's, as many as status there", async () => {
    const marta = bot.host.users.marta.id;
    const link = await ask(marta, "<at>Dealflow</at> link sales", { channel: CHANNEL });
    expect(texts(link).join(" ")).toContain("This channel now gets the news of the");
    const status = await ask(marta, "<at>Dealflow</at> status", { channel: CHANNEL });
    const expected = statusOverdue(status);
    expect(expected).toBeGreaterThan(0);
    const card = await ask(marta, "<at>Dealflow</at> overdue", { channel: CHANNEL });
    expect(texts(card)[0]).toMatch(/^Overdue tasks: /);
    const total = ownerCounts(card).reduce((sum, [, count]) => sum + count, 0);
    expect(total).toBe(expected);
  });
});
