import { randomUUID } from "node:crypto";
import { handleCommand, parseCommand } from "@dealflow/bot";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { markdownTexts, renderMarkdown } from "../../../tests/support/card-markdown.js";
import { botDataOf } from "../bot/bot-data.adapter.js";
import { outbox, sweep } from "../features/marketplace/marketplace.test-support.js";
import { resolveDeliveries } from "./recipients.js";
import { renderCard } from "./render-card.js";

// Issue "Hidden clients stay hidden…", finding 5: text from the public (a lead's fields, a
// note, a name) must not turn into a link or formatting in a Teams card.
const LINK = "[Session expired](https://evil.example)";
const BOLD = "**URGENT** pay now";
const AUTOLINK = "<https://evil.example/login>";

const now = new Date("2026-05-04T08:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Manager" });
const ana = newTestUser(tenant, { name: "Ana García" });
const pablo = newTestUser(tenant, { name: "Pablo Follower" });
let opportunity: Opportunity;

/** What a CommonMark renderer makes of every markdown text of the card. */
const rendered = (card: unknown) => markdownTexts(card).map(renderMarkdown).join("\n");

const expectLiteral = (where: string, card: unknown) => {
  const html = rendered(card);
  expect(html, where).not.toMatch(/<a\s/);
  expect(html, where).not.toContain("<strong>URGENT</strong>");
  expect(html, where).not.toMatch(/<(ul|ol|h\d)>/);
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana, pablo]) await harness.call(user, "GET", "/api/settings");
  const created = await harness.call(ana, "POST", "/api/opportunities", {
    body: {
      contact: { name: BOLD, company: LINK, email: "lead@public.example" },
      source: "web-form",
      title: `${LINK} ${AUTOLINK}`,
      ownerId: ana.userId,
      nextTask: { kind: "call", dueAt: new Date(now.getTime() - 60_000).toISOString() },
    },
  });
  expect(created.status, created.text).toBe(201);
  opportunity = created.body as Opportunity;
  const at = `/api/opportunities/${opportunity.id}`;
  expect((await harness.call(ana, "POST", `${at}/followers/${pablo.userId}`)).status).toBe(200);
  const note = await harness.call(ana, "POST", `${at}/notes`, {
    body: { text: `- ${LINK}\n1. ${BOLD}` },
  });
  expect(note.status).toBe(201);
  // The call task is already due: its reminder joins the cards to read.
  await sweep(harness);
});
afterAll(() => harness?.close());

describe("markdown in a lead's fields and notes", () => {
  it("shows as typed in every pushed card: new opportunity, follower update, reminder", async () => {
    const settings = await harness.deps.store.getSettings(tenant);
    const ctx = {
      store: harness.deps.store,
      tenantId: tenant,
      settings,
      links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
      now,
      user: (id: string) => harness.deps.store.getUser(tenant, id),
      opportunity: (id: string) => harness.deps.store.getOpportunity(tenant, id),
      names: async (id: string | null) =>
        id ? ((await harness.deps.store.getUser(tenant, id))?.name ?? null) : null,
    };
    const kinds = new Set<string>();
    for (const row of await outbox(harness, tenant)) {
      for (const delivery of await resolveDeliveries(harness.deps.store, row)) {
        kinds.add(delivery.card.kind);
        const card = await renderCard(delivery.card, ctx, { locale: "en", timeZone: "UTC" });
        expectLiteral(delivery.card.kind, card);
        // Not escaped away: the reader still sees exactly what the lead typed.
        expect(rendered(card), delivery.card.kind).toContain(
          "[Session expired](https://evil.example)",
        );
      }
    }
    expect([...kinds]).toEqual(expect.arrayContaining(["follower-update", "task-reminder"]));
  });

  it("shows as typed in the bot's answers", async () => {
    const deps = {
      data: botDataOf(harness.deps.store, harness.deps.store.deliveryLog, harness.deps.clock),
      conversations: harness.deps.store.conversations,
      links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
    };
    for (const text of [`status ${opportunity.id}`, "my tasks", "overdue", "status Session"]) {
      const card = await handleCommand(
        parseCommand(text),
        { tenantId: tenant, userId: ana.userId, clientLocale: "en", channel: null, now },
        deps,
      );
      expectLiteral(text, card);
    }
  });
});
