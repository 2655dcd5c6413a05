import { randomUUID } from "node:crypto";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../api/api.test-support.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");

let harness: ApiHarness;
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Ana García" });
const otherSeller = newTestUser(tenant);
const follower = newTestUser(tenant);
const manager = newTestUser(tenant, { manager: true });
const stranger = newTestUser(randomUUID(), { manager: true });
let opportunity: Opportunity;
let hidden: Opportunity;

type Item = { id: string; name: string; email: string | null; hidden: boolean };
const itemsOf = (body: unknown) => (body as { items: Item[] }).items;

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  for (const user of [owner, otherSeller, follower, manager]) await arrangeUser(harness, user);
  opportunity = await arrangeOpportunity(harness, {
    owner,
    followers: [follower],
    contact: { name: "Carmen Vidal", email: "carmen@vidal.example", company: "Vidal Arquitectos" },
  });
  hidden = await arrangeOpportunity(harness, {
    owner,
    source: "marketplace",
    contact: { name: "Carmen Oculta", email: "oculta@secret.example" },
    marketplace: { visibility: "hidden" },
  });
});
afterAll(() => harness?.close());

describe("GET /api/contacts?q=", () => {
  it("finds a contact by a later word of the name and by company, for any seller", async () => {
    for (const q of ["vidal", "Vidal Arq", "carmen@"]) {
      const answer = await harness.call(
        otherSeller,
        "GET",
        `/api/contacts?q=${encodeURIComponent(q)}`,
      );
      expect(answer.status).toBe(200);
      expect(itemsOf(answer.body).map((c) => c.name)).toEqual(["Carmen Vidal"]);
    }
  });

  it("leaves a hidden marketplace client out of the results, even for a manager", async () => {
    const answer = await harness.call(manager, "GET", "/api/contacts?q=carmen");
    expect(itemsOf(answer.body).map((c) => c.name)).toEqual(["Carmen Vidal"]);
    expect(answer.text).not.toContain("Oculta");
  });

  it("finds nothing of another tenant", async () => {
    const answer = await harness.call(stranger, "GET", "/api/contacts?q=carmen");
    expect(itemsOf(answer.body)).toEqual([]);
  });

  it("refuses a missing query naming q", async () => {
    const answer = await harness.call(owner, "GET", "/api/contacts?q=%20");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "query.q" }] });
  });
});

describe("GET /api/contacts/{id}", () => {
  it("answers the profile with its ETag and the opportunities the user may see", async () => {
    const answer = await harness.call(owner, "GET", `/api/contacts/${opportunity.contact.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).toBeTruthy();
    expect(answer.body).toMatchObject({
      name: "Carmen Vidal",
      hidden: false,
      opportunities: [{ id: opportunity.id }],
    });
    const other = await harness.call(otherSeller, "GET", `/api/contacts/${opportunity.contact.id}`);
    expect(other.body).toMatchObject({ name: "Carmen Vidal", opportunities: [] });
  });

  it("redacts a hidden marketplace client", async () => {
    const answer = await harness.call(owner, "GET", `/api/contacts/${hidden.contact.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: "Hidden client", email: null, hidden: true });
    expect(answer.text).not.toContain("Oculta");
    expect(answer.text).not.toContain("secret.example");
  });

  it.each([
    { who: "an unknown id", user: owner, id: "no-such-contact" },
    { who: "a user of another tenant", user: stranger, id: "" },
  ])("answers 404 for $who", async ({ user, id }) => {
    const answer = await harness.call(user, "GET", `/api/contacts/${id || opportunity.contact.id}`);
    expect(answer.status).toBe(404);
  });
});

describe("PATCH /api/contacts/{id}", () => {
  it("lets the owner edit a field and refreshes the opportunity's copy", async () => {
    const read = await harness.call(owner, "GET", `/api/contacts/${opportunity.contact.id}`);
    const answer = await harness.call(owner, "PATCH", `/api/contacts/${opportunity.contact.id}`, {
      body: { phone: "+34 600 111 222" },
      headers: { "If-Match": read.headers.get("etag") ?? "" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ phone: "+34 600 111 222" });
    const stored = await harness.deps.store.getOpportunity(tenant, opportunity.id);
    expect(stored?.contact.phone).toBe("+34 600 111 222");

    const stale = await harness.call(owner, "PATCH", `/api/contacts/${opportunity.contact.id}`, {
      body: { phone: "+34 600 999 999" },
      headers: { "If-Match": read.headers.get("etag") ?? "" },
    });
    expect(stale.status).toBe(412);
  });

  it.each([
    { who: "another seller", user: otherSeller, status: 403 },
    { who: "a follower", user: follower, status: 403 },
    { who: "a user of another tenant", user: stranger, status: 404 },
  ])("refuses $who with $status, writing nothing", async ({ user, status }) => {
    const answer = await harness.call(user, "PATCH", `/api/contacts/${opportunity.contact.id}`, {
      body: { company: "Hijacked" },
    });
    expect(answer.status).toBe(status);
    const stored = await harness.deps.store.getContact(tenant, opportunity.contact.id);
    expect(stored?.company).toBe("Vidal Arquitectos");
  });

  it("refuses bad fields naming each one, writing nothing", async () => {
    const answer = await harness.call(manager, "PATCH", `/api/contacts/${opportunity.contact.id}`, {
      body: { email: "not-an-email", name: "" },
    });
    expect(answer.status).toBe(400);
    const paths = (answer.body as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "name"]));
    const stored = await harness.deps.store.getContact(tenant, opportunity.contact.id);
    expect(stored?.email).toBe("carmen@vidal.example");
  });

  it("classifies from the profile, replacing the earlier classification's follow-up", async () => {
    const url = `/api/contacts/${opportunity.contact.id}`;
    const first = await harness.call(owner, "PATCH", url, { body: { classification: "likely" } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ classification: "likely", tags: ["likely"] });
    const second = await harness.call(owner, "PATCH", url, {
      body: { classification: "promising" },
    });
    expect(second.body).toMatchObject({ classification: "promising", tags: ["promising"] });
    const open = await harness.deps.store.listOpenTasksOfContact(tenant, opportunity.contact.id);
    const followUps = open.items.filter((t) => t.origin === "classification");
    expect(followUps.map((t) => t.dueAt)).toEqual(["2026-03-16T09:00:00.000Z"]);
  });

  it("refuses to edit the fields of a hidden client", async () => {
    const answer = await harness.call(manager, "PATCH", `/api/contacts/${hidden.contact.id}`, {
      body: { name: "Guessing" },
    });
    expect(answer.status).toBe(403);
  });
});
