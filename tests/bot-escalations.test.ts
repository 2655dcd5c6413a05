import { randomUUID } from "node:crypto";
import { createOpportunity, type Opportunity, ulidGenerator } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { ESCALATIONS_PER_CARD } from "../functions/src/notifications/bot-delivery/escalation-card-merge.js";
import { runSweep } from "../functions/src/sla/sla-sweep.js";
import { eventually } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";

// Issue 20 item 11: a manager opening Teams after a start found eleven cards in a row, one per
// lead past its first-contact escalation. One sweep's escalations now reach a manager as one
// card listing the leads (the first posted, the next ones merged into it with PUT), each lead
// with its own Open. The real sweep fires them; the host's queue trigger delivers them to the
// stand-in Bot Connector.

const bot = useBotTestbed({ validateCards: true, minCards: 3 });

const HOUR = 3_600_000;
const store = () => bot.host.deps.store;
const tenant = () => bot.host.tenantId;
const chatOf = (userId: string) => `a:personal-${userId}`;

type CardBody = { attachments?: { content?: unknown }[] };
type Element = {
  type?: string;
  text?: string;
  items?: Element[];
  actions?: { type?: string; url?: string }[];
};

const cardOf = (body: unknown) =>
  ((body as CardBody | null)?.attachments?.[0]?.content ?? null) as { body?: Element[] } | null;

const isEscalationCard = (body: unknown) =>
  /"(First contact overdue: |\d+ leads? still waiting for a first contact)/.test(
    JSON.stringify(cardOf(body)?.body?.[0] ?? null),
  );

/** The escalation cards in a chat as they stand now: each message's last posted or put body. */
const escalationMessages = (userId: string) => {
  const latest = new Map<string, unknown>();
  for (const call of bot.connector.callsTo(chatOf(userId))) {
    if (call.status >= 300) continue;
    const id = call.method === "PUT" ? call.path.split("/activities/")[1] : call.answeredId;
    if (!id) continue;
    if (call.method === "POST" && !isEscalationCard(call.body)) continue;
    if (call.method === "PUT" && !latest.has(id)) continue;
    latest.set(id, call.body);
  }
  return [...latest.entries()].map(([id, body]) => ({ id, card: cardOf(body) }));
};

/** How many leads a card lists: the merged card says so in its title, a single card is one. */
const leadsIn = (card: { body?: Element[] } | null): number => {
  const title = card?.body?.[0]?.text ?? "";
  return Number(/^(\d+) leads? still waiting/.exec(title)?.[1] ?? 1);
};

/** A web-form lead of Ana's that arrived two days ago: its first-contact clocks are past due. */
const staleLead = async (contactName: string): Promise<Opportunity> => {
  const settings = await store().getSettings(tenant());
  const created = createOpportunity(
    {
      contact: { name: contactName },
      source: "web-form",
      ownerId: bot.host.users.ana.id,
      origin: "intake",
    },
    {
      now: new Date(Date.now() - 48 * HOUR),
      actor: null,
      tenantId: tenant(),
      settings,
      ids: ulidGenerator(),
    },
  );
  await store().commit(tenant(), created);
  return created.value;
};

describe("first-contact escalations for a manager", () => {
  it("arrive from one sweep as one card listing the leads, each with its own Open", async () => {
    const marta = bot.host.users.marta.id;
    const ana = bot.host.users.ana.id;
    for (const userId of [marta, ana]) {
      const install = await bot.post(userId, { type: "installationUpdate", action: "add" });
      expect(install.status).toBeLessThan(300);
    }

    const tag = randomUUID().slice(0, 6);
    // The last one's name is an attack: markdown a web form let through stays text.
    const names = [
      `Lucía Ortega ${tag}`,
      `Pablo Ruiz ${tag}`,
      `Elena Mora ${tag}`,
      `[Open now](https://evil.example) **${tag}**`,
    ];
    const leads: Opportunity[] = [];
    for (const name of names) leads.push(await staleLead(name));

    await runSweep({
      store: store(),
      publish: async () => {},
      clock: () => new Date(),
      leaseSeconds: 120,
    });

    // Every lead of this test ends up in a card of Marta's chat (the demo's own stale leads
    // are escalated by the same sweep and share the cards).
    const ours = await eventually(() => {
      const messages = escalationMessages(marta);
      const holding = messages.filter(({ card }) =>
        leads.every((lead) => JSON.stringify(card).includes(`/opportunities/${lead.id}`)),
      );
      return holding.length === 1 ? { messages, card: holding[0]?.card ?? null } : null;
    }, 60_000);

    // Cards fill up to ESCALATIONS_PER_CARD leads before a new one is posted: as many cards as
    // that needs, never a card per lead.
    const listed = ours.messages.reduce((sum, { card }) => sum + leadsIn(card), 0);
    expect(listed).toBeGreaterThanOrEqual(leads.length);
    expect(ours.messages.length).toBe(Math.ceil(listed / ESCALATIONS_PER_CARD));

    const body = ours.card?.body ?? [];
    expect(body[0]?.text).toMatch(/^\d+ leads still waiting for a first contact$/);
    const containers = body.filter((element) => element.type === "Container");
    expect(containers.length).toBe(leadsIn(ours.card));
    for (const lead of leads) {
      const container = containers.find((element) =>
        JSON.stringify(element).includes(`/opportunities/${lead.id}`),
      );
      expect(container?.items?.[0]?.text).toBe(
        lead.title === names[3]
          ? `\\[Open now\\](https://evil.example) \\*\\*${tag}\\*\\*`
          : lead.title,
      );
      const open = container?.items?.find((item) => item.type === "ActionSet")?.actions?.[0];
      expect(open).toMatchObject({ type: "Action.OpenUrl" });
      expect(open?.url).toContain(lead.id);
    }
    // The owner is a seller: escalations are the managers' (SPEC §5). Ana had her reminders
    // ("Waiting for first contact"), and no escalation card.
    expect(
      bot.connector.callsTo(chatOf(ana)).some((call) => JSON.stringify(call.body).includes(tag)),
    ).toBe(true);
    expect(escalationMessages(ana)).toEqual([]);
  });
});
