import { randomUUID } from "node:crypto";
import { handleCommand, parseCommand } from "@dealflow/bot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { markdownTexts, renderMarkdown } from "../../../tests/support/card-markdown.js";
import { botDataOf } from "../bot/bot-data.adapter.js";

// Review of issue 16: escapeMarkdown (bot/src/cards/adaptive-card.ts) escapes links, emphasis,
// code and a single list, quote or heading marker at a line's start, but not "##" (only "# "
// followed by a space is caught) nor entity references ("&#91;", "&amp;"), which CommonMark
// decodes: the lead is not shown as typed. (Setext underlines "===" / "---" under a line of a
// note pass too: escapeMarkdown("a\n---") renders as <h2>.)
const now = new Date("2026-05-04T08:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const ana = newTestUser(tenant, { name: "Ana García" });
let opportunityId: string;

const rendered = (card: unknown) => markdownTexts(card).map(renderMarkdown).join("\n");

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  await harness.call(ana, "GET", "/api/settings");
  // What a public web form can put in a lead: any name, company and title.
  const created = await harness.call(ana, "POST", "/api/opportunities", {
    body: {
      contact: { name: "## Session expired", company: "AT&amp;T", email: "lead@public.example" },
      source: "web-form",
      title: "&#91;Verify your account&#93;(https://evil.example)",
      ownerId: ana.userId,
    },
  });
  expect(created.status, created.text).toBe(201);
  opportunityId = (created.body as { id: string }).id;
});
afterAll(() => harness?.close());

describe("a lead's text in the bot's answer", () => {
  it("shows a name starting '## ' as typed, not as a heading", async () => {
    const card = await handleCommand(
      parseCommand(`status ${opportunityId}`),
      { tenantId: tenant, userId: ana.userId, clientLocale: "en", channel: null, now },
      {
        data: botDataOf(harness.deps.store, harness.deps.store.deliveryLog, harness.deps.clock),
        conversations: harness.deps.store.conversations,
        links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
      },
    );
    const html = rendered(card);

    expect(html).toContain("Session expired");
    expect(html).not.toMatch(/<h\d>/);
  });

  it("shows entity references as typed, not decoded into other characters", async () => {
    const card = await handleCommand(
      parseCommand(`status ${opportunityId}`),
      { tenantId: tenant, userId: ana.userId, clientLocale: "en", channel: null, now },
      {
        data: botDataOf(harness.deps.store, harness.deps.store.deliveryLog, harness.deps.clock),
        conversations: harness.deps.store.conversations,
        links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
      },
    );
    const html = rendered(card);

    // As typed, "&amp;" reaches the reader as the five characters (HTML "&amp;amp;").
    expect(html).toContain("AT&amp;amp;T");
    expect(html).not.toContain("[Verify your account](https://evil.example)");
  });
});
