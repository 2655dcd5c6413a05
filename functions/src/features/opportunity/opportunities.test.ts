import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeContact, arrangeOpportunity } from "../../api/api.test-support.js";
import { asOpportunity, asPage, signIn } from "./opportunity.test-support.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");
let now = NOW;
let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant, { name: "Ana García" });
const colleague = newTestUser(tenant, { name: "Luis Romero" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  await signIn(harness, seller, colleague, manager);
});
afterAll(() => harness?.close());

const path = (id: string, rest = "") => `/api/opportunities/${id}${rest}`;

describe("POST /api/opportunities", () => {
  it("creates an opportunity with its next task and answers 201 with it", async () => {
    const answer = await harness.call(seller, "POST", "/api/opportunities", {
      body: {
        contact: { name: "Pedro Ruiz", email: "pedro@ruiz.example", company: "Ruiz SL" },
        source: "referral",
        campaign: "spring",
        nextTask: { kind: "call", dueAt: "2026-03-03T10:00:00Z" },
      },
    });

    expect(answer.status).toBe(201);
    expect(answer.headers.get("etag")).toBeTruthy();
    const created = asOpportunity(answer.body);
    expect(created).toMatchObject({
      title: "Ruiz SL",
      stage: "new",
      status: "open",
      ownerId: seller.userId,
      source: "referral",
      campaign: "spring",
      contact: { name: "Pedro Ruiz", email: "pedro@ruiz.example" },
      participants: [],
      followers: [],
    });
    expect(created).not.toHaveProperty("tenantId");
    expect(created).not.toHaveProperty("deadlines");
    const tasks = await harness.deps.store.listTasksOfOpportunity(tenant, created.id);
    expect(tasks.items).toEqual([
      expect.objectContaining({
        kind: "call",
        ownerId: seller.userId,
        dueAt: "2026-03-03T10:00:00.000Z",
      }),
    ]);
  });

  it("lets a manager create for a seller", async () => {
    const answer = await harness.call(manager, "POST", "/api/opportunities", {
      body: { contact: { name: "Eva" }, source: "phone-call", ownerId: seller.userId },
    });
    expect(answer.status).toBe(201);
    expect(asOpportunity(answer.body).ownerId).toBe(seller.userId);
  });
});

describe("GET /api/opportunities", () => {
  it("lists the first-contact queue newest first, a seller seeing their own", async () => {
    const older = await arrangeOpportunity(harness, {
      owner: colleague,
      receivedAt: "2026-03-02T07:00:00Z",
    });
    const newer = await arrangeOpportunity(harness, {
      owner: colleague,
      receivedAt: "2026-03-02T08:00:00Z",
    });
    await arrangeOpportunity(harness, { owner: seller, receivedAt: "2026-03-02T08:30:00Z" });

    const theirs = asPage(
      (await harness.call(colleague, "GET", "/api/opportunities?view=first-contact")).body,
    );
    const managers = asPage(
      (
        await harness.call(
          manager,
          "GET",
          `/api/opportunities?view=first-contact&owner=${colleague.userId}`,
        )
      ).body,
    );

    expect(theirs.items.map((o) => o.id)).toEqual([newer.id, older.id]);
    expect(managers.items.map((o) => o.id)).toEqual([newer.id, older.id]);
  });

  it("pages with nextCursor without repeating or skipping", async () => {
    const owner = newTestUser(tenant);
    await signIn(harness, owner);
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await arrangeOpportunity(harness, {
          owner,
          receivedAt: new Date(NOW.getTime() - (i + 1) * 60_000).toISOString(),
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/opportunities?view=mine&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = asPage((await harness.call(owner, "GET", query)).body);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(made.map((o) => o.id));
  });

  it("merges a seller's own and followed opportunities newest first across pages", async () => {
    const me = newTestUser(tenant);
    const them = newTestUser(tenant);
    await signIn(harness, me, them);
    const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
    const expected = [
      await arrangeOpportunity(harness, { owner: me, receivedAt: at(1), followers: [me] }),
      await arrangeOpportunity(harness, { owner: them, receivedAt: at(2), followers: [me] }),
      await arrangeOpportunity(harness, { owner: me, receivedAt: at(3) }),
      await arrangeOpportunity(harness, { owner: them, receivedAt: at(4), followers: [me] }),
      await arrangeOpportunity(harness, { owner: me, receivedAt: at(5) }),
    ];
    await arrangeOpportunity(harness, { owner: them, receivedAt: at(6) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/opportunities?view=all&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = asPage((await harness.call(me, "GET", query)).body);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(expected.map((o) => o.id));
  });

  it("lists what the user follows, and filters by stage and text", async () => {
    const followed = await arrangeOpportunity(harness, {
      owner: colleague,
      contact: { name: "Zoe Quintana", company: "Quintana Labs" },
      followers: [seller],
    });
    const following = asPage(
      (await harness.call(seller, "GET", "/api/opportunities?view=following")).body,
    );
    const searched = asPage(
      (await harness.call(seller, "GET", "/api/opportunities?view=all&q=quintana")).body,
    );
    const staged = asPage(
      (await harness.call(manager, "GET", "/api/opportunities?view=all&stage=proposal")).body,
    );
    expect(following.items.map((o) => o.id)).toEqual([followed.id]);
    expect(searched.items.map((o) => o.id)).toEqual([followed.id]);
    expect(staged.items).toEqual([]);
  });
});

describe("one opportunity", () => {
  it("reads it with an ETag and patches its details", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const read = await harness.call(seller, "GET", path(opportunity.id));
    const etag = read.headers.get("etag") ?? "";

    const patched = await harness.call(seller, "PATCH", path(opportunity.id), {
      body: { title: "Big deal", value: { amount: 12000, currency: "EUR" }, tags: ["VIP"] },
      headers: { "If-Match": etag },
    });

    expect(read.status).toBe(200);
    expect(patched.status).toBe(200);
    expect(patched.headers.get("etag")).not.toBe(etag);
    expect(asOpportunity(patched.body)).toMatchObject({
      title: "Big deal",
      value: { amount: 12000, currency: "EUR" },
      tags: ["vip"],
    });
  });

  it("moves it to another source and refuses a stale copy (412) without writing", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const read = await harness.call(seller, "GET", path(opportunity.id));
    const etag = read.headers.get("etag") ?? "";
    const moved = await harness.call(seller, "PATCH", path(opportunity.id), {
      body: { source: "referral", campaign: "Spring fair" },
      headers: { "If-Match": etag },
    });
    expect(moved.status).toBe(200);
    expect(asOpportunity(moved.body)).toMatchObject({
      source: "referral",
      campaign: "Spring fair",
    });

    const stale = await harness.call(seller, "PATCH", path(opportunity.id), {
      body: { title: "Based on the old copy", value: { amount: 1, currency: "EUR" } },
      headers: { "If-Match": etag },
    });
    expect(stale.status).toBe(412);
    const now = asOpportunity((await harness.call(seller, "GET", path(opportunity.id))).body);
    expect(now).toMatchObject({ source: "referral", value: null });
    expect(now.title).not.toBe("Based on the old copy");

    const unknown = await harness.call(seller, "PATCH", path(opportunity.id), {
      body: { source: "carrier-pigeon" },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('"path":"source"');
  });

  it("keeps why a deal was lost; refuses a reason for another stage, a long one and another seller", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const stage = path(opportunity.id, "/stage");
    const snapshot = async () =>
      JSON.stringify((await harness.call(seller, "GET", path(opportunity.id))).body);
    const before = await snapshot();
    const wrongStage = await harness.call(seller, "PUT", stage, {
      body: { stage: "won", reason: "Because" },
    });
    expect(wrongStage.status).toBe(400);
    expect(JSON.stringify(wrongStage.body)).toContain('"path":"reason"');
    const tooLong = await harness.call(seller, "PUT", stage, {
      body: { stage: "lost", reason: "x".repeat(501) },
    });
    expect(tooLong.status).toBe(400);
    // Another seller cannot close it, with or without a reason: as if it did not exist.
    const other = await harness.call(colleague, "PUT", stage, {
      body: { stage: "lost", reason: "Mine now" },
    });
    expect(other.status).toBe(404);
    expect(await snapshot()).toBe(before);

    const lost = await harness.call(seller, "PUT", stage, {
      body: { stage: "lost", reason: "Chose a **cheaper** agency" },
    });
    expect(lost.status).toBe(200);
    const lines = (await harness.call(seller, "GET", path(opportunity.id, "/activities"))).body as {
      items: { type: string; reason?: string }[];
    };
    expect(lines.items.find((line) => line.type === "stage-changed")?.reason).toBe(
      "Chose a **cheaper** agency",
    );
  });

  it.each([
    ["ready-for-proposal", { notes: "Needs a shop" }, { stage: "proposal", status: "open" }],
    ["second-contact", { delayHours: 48 }, { stage: "second-contact", status: "open" }],
    ["discard", { reason: "no-budget" }, { status: "discarded" }],
  ])("records first contact: %s", async (action, extra, expected) => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const answer = await harness.call(seller, "POST", path(opportunity.id, "/first-contact"), {
      body: { action, ...extra },
    });
    expect(answer.status).toBe(200);
    expect(asOpportunity(answer.body)).toMatchObject(expected);
  });

  it("lists the second-contact queue after a second-contact action", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: colleague });
    await harness.call(colleague, "POST", path(opportunity.id, "/first-contact"), {
      body: { action: "second-contact" },
    });
    const queue = asPage(
      (await harness.call(colleague, "GET", "/api/opportunities?view=second-contact")).body,
    );
    expect(queue.items.map((o) => o.id)).toContain(opportunity.id);
  });

  it("hands it to another owner and moves their open tasks", async () => {
    const created = asOpportunity(
      (
        await harness.call(seller, "POST", "/api/opportunities", {
          body: {
            contact: { name: "Tomás" },
            source: "referral",
            nextTask: { kind: "call", dueAt: "2026-03-03T10:00:00Z" },
          },
        })
      ).body,
    );
    const answer = await harness.call(seller, "PUT", path(created.id, "/owner"), {
      body: { ownerId: colleague.userId },
    });
    expect(answer.status).toBe(200);
    expect(asOpportunity(answer.body).ownerId).toBe(colleague.userId);
    const tasks = await harness.deps.store.listTasksOfOpportunity(tenant, created.id);
    expect(tasks.items.map((t) => t.ownerId)).toEqual([colleague.userId]);
  });

  it("moves it to another stage", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const answer = await harness.call(seller, "PUT", path(opportunity.id, "/stage"), {
      body: { stage: "won" },
    });
    expect(answer.status).toBe(200);
    expect(asOpportunity(answer.body)).toMatchObject({ stage: "won", status: "won" });
  });

  it("follows and unfollows, and lets the owner add and remove a follower", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const followed = await harness.call(manager, "POST", path(opportunity.id, "/followers/me"));
    const added = await harness.call(
      seller,
      "POST",
      path(opportunity.id, `/followers/${colleague.userId}`),
    );
    const unfollowed = await harness.call(manager, "DELETE", path(opportunity.id, "/followers/me"));
    const removed = await harness.call(
      seller,
      "DELETE",
      path(opportunity.id, `/followers/${colleague.userId}`),
    );
    expect(asOpportunity(followed.body).followers).toEqual([manager.userId]);
    expect(asOpportunity(added.body).followers).toEqual([manager.userId, colleague.userId]);
    expect(asOpportunity(unfollowed.body).followers).toEqual([colleague.userId]);
    expect(asOpportunity(removed.body).followers).toEqual([]);
  });

  it("adds a participant, promotes them to Contact and removes the old Contact", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    const adviser = await arrangeContact(harness, tenant, { name: "Rosa Asesora" });
    const added = await harness.call(
      seller,
      "POST",
      path(opportunity.id, `/participants/${adviser.id}`),
    );
    const promoted = await harness.call(seller, "PUT", path(opportunity.id, "/contact"), {
      body: { contactId: adviser.id },
    });
    const removed = await harness.call(
      seller,
      "DELETE",
      path(opportunity.id, `/participants/${opportunity.contact.id}`),
    );
    expect(asOpportunity(added.body).participants.map((p) => p.name)).toEqual(["Rosa Asesora"]);
    expect(asOpportunity(promoted.body)).toMatchObject({
      contact: { id: adviser.id },
      participants: [{ id: opportunity.contact.id }],
    });
    expect(asOpportunity(removed.body)).toMatchObject({
      contact: { id: adviser.id },
      participants: [],
    });
  });

  it("adds a note, lists notes and the timeline newest first", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    now = new Date(NOW.getTime() + 60_000);
    const added = await harness.call(seller, "POST", path(opportunity.id, "/notes"), {
      body: { text: "Called, will call back" },
    });
    now = NOW;
    const notes = await harness.call(seller, "GET", path(opportunity.id, "/notes"));
    const timeline = await harness.call(seller, "GET", path(opportunity.id, "/activities"));

    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ text: "Called, will call back", authorId: seller.userId });
    expect((notes.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ text: "Called, will call back" }),
    ]);
    expect((timeline.body as { items: { type: string }[] }).items.map((a) => a.type)).toEqual([
      "note-added",
      "created",
    ]);
  });
});

describe("GET /api/openapi.json", () => {
  it("documents the opportunity routes with the Opportunity response", async () => {
    const answer = await harness.call(null, "GET", "/api/openapi.json");
    const doc = answer.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(answer.status).toBe(200);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/opportunities",
        "/api/opportunities/{id}",
        "/api/opportunities/{id}/first-contact",
        "/api/opportunities/{id}/owner",
        "/api/opportunities/{id}/stage",
        "/api/opportunities/{id}/followers/me",
        "/api/opportunities/{id}/followers/{userId}",
        "/api/opportunities/{id}/participants/{contactId}",
        "/api/opportunities/{id}/contact",
        "/api/opportunities/{id}/notes",
        "/api/opportunities/{id}/activities",
      ]),
    );
    expect(JSON.stringify(doc.paths["/api/opportunities/{id}"]?.get?.responses)).toContain(
      "followers",
    );
  });
});
