import { randomUUID } from "node:crypto";
import type { Opportunity } from "@dealflow/core";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../../api/api.test-support.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");

let harness: ApiHarness;
const tenant = randomUUID();
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
const manager = newTestUser(tenant, { manager: true });
const stranger = newTestUser(randomUUID(), { manager: true });

const discarded = (
  reason: string,
  at: string,
  text: string | null = null,
): Partial<Opportunity> => ({
  status: "discarded",
  discard: { reason, text, at, by: null },
  firstContact: { state: "done", recordedAt: at, action: "discard", secondContactDueAt: null },
});

type Row = { opportunityId: string; reason: string; contact: { name: string } };
const itemsOf = (body: unknown) => body as { items: Row[]; nextCursor: string | null };

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  for (const user of [ana, luis, manager]) await arrangeUser(harness, user);
  await arrangeOpportunity(harness, {
    owner: ana,
    contact: { name: "Spam Bot", email: "bot@spam.example" },
    campaign: '=HYPERLINK("http://evil")',
    patch: discarded("spam", "2026-02-10T10:00:00.000Z", 'said "no", twice'),
  });
  await arrangeOpportunity(harness, {
    owner: luis,
    contact: { name: "Pablo Caro" },
    source: "referral",
    patch: discarded("no-budget", "2026-02-20T10:00:00.000Z"),
  });
  await arrangeOpportunity(harness, {
    owner: ana,
    source: "marketplace",
    contact: { name: "Hidden Person", email: "hidden@person.example", company: "Secret Co" },
    marketplace: { visibility: "withheld" },
    patch: discarded("chose-competitor", "2026-03-01T10:00:00.000Z"),
  });
  await arrangeOpportunity(harness, { owner: ana, contact: { name: "Still Open" } });
});
afterAll(() => harness?.close());

describe("GET /api/contacts/discarded", () => {
  it("lists the discarded contacts newest first, hidden clients redacted", async () => {
    const answer = await harness.call(manager, "GET", "/api/contacts/discarded");
    expect(answer.status).toBe(200);
    expect(itemsOf(answer.body).items.map((i) => [i.contact.name, i.reason])).toEqual([
      ["Hidden client", "chose-competitor"],
      ["Pablo Caro", "no-budget"],
      ["Spam Bot", "spam"],
    ]);
    expect(answer.text).not.toContain("Hidden Person");
    expect(answer.text).not.toContain("Secret Co");
  });

  it.each([
    { filter: "reason=spam", names: ["Spam Bot"] },
    { filter: "source=referral", names: ["Pablo Caro"] },
    { filter: `owner=${ana.userId}`, names: ["Hidden client", "Spam Bot"] },
    { filter: "from=2026-02-15T00:00:00Z&to=2026-02-28T00:00:00Z", names: ["Pablo Caro"] },
    { filter: "reason=duplicate", names: [] },
  ])("filters by $filter", async ({ filter, names }) => {
    const answer = await harness.call(manager, "GET", `/api/contacts/discarded?${filter}`);
    expect(itemsOf(answer.body).items.map((i) => i.contact.name)).toEqual(names);
  });

  it("pages with a cursor", async () => {
    const first = itemsOf(
      (await harness.call(manager, "GET", "/api/contacts/discarded?limit=2")).body,
    );
    expect(first.items).toHaveLength(2);
    const next = await harness.call(
      manager,
      "GET",
      `/api/contacts/discarded?limit=2&cursor=${first.nextCursor}`,
    );
    expect(itemsOf(next.body).items.map((i) => i.contact.name)).toEqual(["Spam Bot"]);
  });

  it("refuses a seller with 403 and shows another tenant's manager nothing", async () => {
    expect((await harness.call(ana, "GET", "/api/contacts/discarded")).status).toBe(403);
    const other = await harness.call(stranger, "GET", "/api/contacts/discarded");
    expect(itemsOf(other.body).items).toEqual([]);
  });

  it("refuses a malformed date naming it", async () => {
    const answer = await harness.call(manager, "GET", "/api/contacts/discarded?from=yesterday");
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
      "query.from",
    );
  });
});

describe("GET /api/contacts/discarded.csv", () => {
  it("exports RFC 4180 CSV with a header, inert formulas and the hidden client redacted", async () => {
    const answer = await harness.call(manager, "GET", "/api/contacts/discarded.csv");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/csv");
    expect(answer.text).not.toContain("Hidden Person");
    expect(answer.text).not.toContain("hidden@person.example");
    expect(answer.text).not.toContain("Secret Co");
    const rows = parse(answer.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.contactName)).toEqual(["Hidden client", "Pablo Caro", "Spam Bot"]);
    const spam = rows[2];
    expect(spam).toMatchObject({
      campaign: '\'=HYPERLINK("http://evil")',
      reasonText: 'said "no", twice',
      ownerName: "Ana García",
      email: "bot@spam.example",
    });
  });

  it("applies the list's filters", async () => {
    const answer = await harness.call(
      manager,
      "GET",
      "/api/contacts/discarded.csv?reason=no-budget",
    );
    const rows = parse(answer.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.contactName)).toEqual(["Pablo Caro"]);
  });

  it("refuses a seller with 403", async () => {
    expect((await harness.call(luis, "GET", "/api/contacts/discarded.csv")).status).toBe(403);
  });
});
