import type { User } from "@dealflow/core";
import { type Activity, TestAdapter } from "botbuilder";
import { describe, expect, it } from "vitest";
import {
  buildContact,
  buildOpportunity,
  buildTask,
  NOW,
  TENANT,
} from "../../../core/src/shared/builders.test-support.js";
import { handleActivity } from "../activities/handle-activity.js";
import { createTeamChecks } from "../activities/team-checks.js";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { createInMemoryBotData } from "../testing/in-memory-bot-data.test-support.js";
import { inMemoryTeams } from "../testing/in-memory-teams.test-support.js";
import { runTurn } from "./teams-adapter.js";

const user = (id: string, name: string, role: User["role"] = "seller"): User => ({
  tenantId: TENANT,
  id,
  name,
  email: null,
  role,
  locale: "en",
  timeZone: "Europe/Madrid",
  active: true,
  teamIds: [],
  // A token confirmed the role just now (the bot trusts a stored manager role for a day).
  roleConfirmedAt: NOW.toISOString(),
});

const USERS = [
  user("seller-1", "Ana García"),
  user("seller-2", "Luis Romero"),
  user("manager-1", "Marta Díaz", "manager"),
];

const world = () =>
  createInMemoryBotData({
    users: USERS,
    contacts: [
      buildContact({ id: "contact-ana", name: "Ana López", company: "Acme" }),
      buildContact({ id: "contact-zoe", name: "Zoe Hidden", company: "Secret" }),
    ],
    opportunities: [
      buildOpportunity({
        id: "opp-1",
        title: "Acme website",
        value: { amount: 5000, currency: "EUR" },
      }),
      buildOpportunity({
        id: "opp-2",
        title: "Secret deal",
        ownerId: "seller-2",
        contact: { ...buildContact({ id: "contact-zoe", name: "Zoe Hidden", company: "Secret" }) },
      }),
    ],
    tasks: [
      buildTask({
        id: "task-1",
        title: "Call Ana back",
        ownerId: "seller-1",
        dueAt: "2026-03-01T09:00:00.000Z",
        opportunityId: "opp-1",
      }),
      buildTask({
        id: "task-2",
        title: "Send the proposal",
        ownerId: "seller-1",
        dueAt: "2026-03-05T09:00:00.000Z",
        opportunityId: "opp-1",
      }),
    ],
  });

/** Sends one message as `userId` through botbuilder's TestAdapter and returns the card replied. */
const ask = async (text: string, userId: string, w = world()): Promise<AdaptiveCard> => {
  const adapter = new TestAdapter((context) =>
    runTurn(context, (activity) =>
      handleActivity(activity, {
        data: w.data,
        conversations: w.conversations,
        teams: inMemoryTeams().port,
        roster: async () => [],
        teamDetails: async () => {
          throw new Error("no connector in this test");
        },
        teamChecks: createTeamChecks(),
        log: { warn() {} },
        links: { teamsAppId: null, baseUrl: "http://localhost:3978" },
        clock: () => NOW,
      }),
    ),
  );
  let card: AdaptiveCard | null = null;
  await adapter
    .send({
      type: "message",
      text,
      locale: "en-US",
      from: { id: `29:${userId}`, name: userId, aadObjectId: userId },
      conversation: {
        id: `a:${userId}`,
        conversationType: "personal",
        tenantId: TENANT,
      } as Activity["conversation"],
      channelData: { tenant: { id: TENANT } },
    })
    .assertReply((reply) => {
      card = (reply.attachments?.[0]?.content ?? null) as AdaptiveCard | null;
    })
    .startTest();
  if (card === null) throw new Error("no card");
  return card;
};

const allText = (card: AdaptiveCard): string => JSON.stringify(card.body);
const title = (card: AdaptiveCard): string => String((card.body[0] as { text?: string }).text);

describe("bot commands through botbuilder's TestAdapter", () => {
  it.each([
    ["help", "Dealflow: what I can do"],
    ["ayuda", "Dealflow: lo que puedo hacer"],
    ["status", "Pipeline summary"],
    ["estado", "Resumen del embudo"],
    ["overdue", "Overdue tasks"],
    ["vencidas", "Tareas vencidas"],
    ["my tasks", "Your open tasks"],
    ["mis tareas", "Tus tareas abiertas"],
    ["status Acme", "Acme website"],
    ["estado Ana López", "Acme website"],
  ])("answers %s with its card", async (text, heading) => {
    expect(title(await ask(text, "seller-1"))).toBe(heading);
  });

  it("answers unknown input with the help card, never silence", async () => {
    const card = await ask("what's up?", "seller-1");
    expect(title(card)).toBe("Dealflow: what I can do");
    expect(allText(card)).toContain("what's up?");
  });

  it.each([
    ["help", ["Search opportunities", "Create opportunity", "Paste a link to an opportunity"]],
    ["ayuda", ["Busca oportunidades", "Crear oportunidad", "Pega un enlace a una oportunidad"]],
  ])("tells %s about the message extension's entry points", async (text, entryPoints) => {
    const card = allText(await ask(text, "seller-1"));
    for (const entryPoint of entryPoints) expect(card).toContain(entryPoint);
  });

  it("ignores the mention, case and accents", async () => {
    expect(title(await ask("<at>Dealflow</at> ESTÁDO", "seller-1"))).toBe("Resumen del embudo");
  });

  it("lists only the seller's overdue tasks", async () => {
    const card = await ask("overdue", "seller-1");
    expect(allText(card)).toContain("Call Ana back");
    expect(allText(card)).not.toContain("Send the proposal");
  });

  it("counts a seller's own opportunities per stage with their value", async () => {
    const card = await ask("status", "seller-1");
    expect(allText(card)).toContain("€5,000");
    expect(allText(card)).not.toContain("Undeliverable");
    expect(allText(card)).not.toContain("Failed deadlines");
  });

  it("shows managers the undeliverable notifications in status", async () => {
    expect(allText(await ask("status", "manager-1"))).toContain("Undeliverable notifications");
  });

  it("counts for managers in status the deadlines the sweep gave up on", async () => {
    const card = JSON.stringify(await ask("status", "manager-1"));
    expect(card).toContain('"title":"Failed deadlines","value":"3"');
  });

  it("does not show a seller another seller's opportunity (SPEC §7)", async () => {
    const card = await ask("status Zoe Hidden", "seller-1");
    expect(allText(card)).toContain("I found no opportunity you can see");
    expect(allText(card)).not.toContain("Secret deal");
  });

  it("answers an unknown id exactly like an invisible one", async () => {
    const invisible = allText(await ask("status opp-2", "seller-1"));
    const missing = allText(await ask("status opp-404", "seller-1"));
    expect(invisible.replace("opp-2", "X")).toBe(missing.replace("opp-404", "X"));
  });

  it("shows a manager any opportunity", async () => {
    expect(title(await ask("status opp-2", "manager-1"))).toBe("Secret deal");
  });

  it("lets a reader follow and unfollow, in English and Spanish", async () => {
    const w = world();
    expect(allText(await ask("follow opp-2", "manager-1", w))).toContain(
      "You now follow Secret deal.",
    );
    expect(w.opportunities.get("opp-2")?.followers).toContain("manager-1");
    expect(allText(await ask("dejar de seguir opp-2", "manager-1", w))).toContain(
      "Has dejado de seguir Secret deal.",
    );
    expect(w.opportunities.get("opp-2")?.followers).not.toContain("manager-1");
    expect(allText(await ask("seguir opp-1", "seller-1", w))).toContain(
      "Ahora sigues Acme website.",
    );
  });

  it("refuses to let a seller follow what they cannot see", async () => {
    const w = world();
    expect(allText(await ask("follow opp-2", "seller-1", w))).toContain("I found no opportunity");
    expect(w.commits).toHaveLength(0);
  });

  it("lets a follower read an opportunity they do not own", async () => {
    const w = world();
    await ask("follow opp-2", "manager-1", w);
    const opportunity = w.opportunities.get("opp-2");
    if (opportunity) w.opportunities.set("opp-2", { ...opportunity, followers: ["seller-1"] });
    expect(title(await ask("status opp-2", "seller-1", w))).toBe("Secret deal");
  });

  it("refuses to link a chat that is not a channel", async () => {
    expect(allText(await ask("link Sales", "manager-1"))).toContain(
      "Linking works in a team channel only.",
    );
  });

  it("saves the personal conversation reference of whoever writes", async () => {
    const w = world();
    await ask("help", "seller-2", w);
    expect(await w.conversations.get(TENANT, { scope: "user", userId: "seller-2" })).toMatchObject({
      active: true,
    });
  });
});
