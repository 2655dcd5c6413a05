import { randomUUID } from "node:crypto";
import type { Task as TaskView } from "@dealflow/contract";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeTask, arrangeUser } from "../../api/api.test-support.js";

// A Monday morning in UTC (the default tenant time zone).
const NOW = new Date("2026-03-02T09:00:00.000Z");

let harness: ApiHarness;
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Ana García" });
const otherSeller = newTestUser(tenant, { name: "Luis Romero" });
const follower = newTestUser(tenant, { name: "Sara Follower" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });
const stranger = newTestUser(randomUUID(), { manager: true });
let opportunity: Opportunity;

const page = (body: unknown) => body as { items: TaskView[]; nextCursor: string | null };
const tasksOf = async (user: TestUser, query = "") =>
  page((await harness.call(user, "GET", `/api/tasks${query}`)).body);

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  for (const user of [owner, otherSeller, follower, manager]) await arrangeUser(harness, user);
  opportunity = await arrangeOpportunity(harness, { owner, followers: [follower] });
});
afterAll(() => harness?.close());

describe("GET /api/tasks (the agenda)", () => {
  const titles = {
    overdue: "Overdue call",
    today: "Call this afternoon",
    upcoming: "Call tomorrow",
  };
  const agenda = newTestUser(tenant);
  beforeAll(async () => {
    await arrangeUser(harness, agenda);
    const theirs = await arrangeOpportunity(harness, { owner: agenda });
    // Now is 09:00 UTC: one task due earlier today, one later today, one tomorrow.
    await arrangeTask(harness, theirs, { dueAt: "2026-03-02T08:00:00Z", title: titles.overdue });
    await arrangeTask(harness, theirs, { dueAt: "2026-03-02T15:00:00Z", title: titles.today });
    await arrangeTask(harness, theirs, { dueAt: "2026-03-03T10:00:00Z", title: titles.upcoming });
  });

  it.each([
    ["overdue", "Overdue call"],
    ["today", "Call this afternoon"],
    ["upcoming", "Call tomorrow"],
  ])("lists the signed-in user's %s tasks", async (range, title) => {
    const answer = await tasksOf(agenda, `?range=${range}`);
    expect(answer.items.map((t) => t.title)).toEqual([title]);
    expect(answer.items[0]?.opportunity).toMatchObject({ contactName: "Ana García" });
  });

  it("lists every open task soonest first without a range", async () => {
    const answer = await tasksOf(agenda);
    expect(answer.items.map((t) => t.title)).toEqual([
      titles.overdue,
      titles.today,
      titles.upcoming,
    ]);
  });

  it("lets a manager read any owner's agenda", async () => {
    const answer = await tasksOf(manager, `?owner=${agenda.userId}&range=today`);
    expect(answer.items.map((t) => t.title)).toEqual([titles.today]);
  });

  it("answers 404 to a seller asking for another seller's agenda", async () => {
    const answer = await harness.call(otherSeller, "GET", `/api/tasks?owner=${agenda.userId}`);
    expect(answer.status).toBe(404);
  });

  it("refuses an unknown range naming the field", async () => {
    const answer = await harness.call(agenda, "GET", "/api/tasks?range=yesterday");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: [expect.objectContaining({ path: "query.range" })],
    });
  });
});

describe("POST /api/tasks", () => {
  it("creates a task due in the past (imported overdue work) for the owner", async () => {
    const answer = await harness.call(owner, "POST", "/api/tasks", {
      body: {
        opportunityId: opportunity.id,
        kind: "call",
        title: "Imported call",
        dueAt: "2026-02-20T10:00:00Z",
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("etag")).toBeTruthy();
    expect(answer.body).toMatchObject({
      title: "Imported call",
      ownerId: owner.userId,
      status: "open",
    });
    const overdue = await tasksOf(owner, "?range=overdue");
    expect(overdue.items.map((t) => t.title)).toContain("Imported call");
  });

  it("lets a manager give a new task to a seller", async () => {
    const answer = await harness.call(manager, "POST", "/api/tasks", {
      body: {
        opportunityId: opportunity.id,
        kind: "meeting",
        dueAt: "2026-03-04T10:00:00Z",
        ownerId: otherSeller.userId,
      },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      ownerId: otherSeller.userId,
      title: "Meeting: Ana García",
    });
  });

  it("keeps the reminders of a task a manager gives to a seller in the seller's working hours", async () => {
    // Kenji works from Tokyo: 10:00 there on Wednesday is 01:00 UTC, outside the tenant's
    // (UTC) working day; in his, the "due soon" reminder comes at 09:00 Tokyo, 00:00 UTC.
    const kenji = newTestUser(tenant, { name: "Kenji Sato" });
    await arrangeUser(harness, kenji);
    const stored = await harness.deps.store.getUser(tenant, kenji.userId);
    if (!stored) throw new Error("arranged");
    await harness.deps.store.commit(tenant, {
      changes: [{ entity: "user", before: stored, after: { ...stored, timeZone: "Asia/Tokyo" } }],
      schedule: [],
      cancel: [],
    });

    const answer = await harness.call(manager, "POST", "/api/tasks", {
      body: {
        opportunityId: null,
        kind: "call",
        title: "Call the Osaka branch",
        dueAt: "2026-03-04T01:00:00Z",
        ownerId: kenji.userId,
      },
    });

    expect(answer.status).toBe(201);
    const task = await harness.deps.store.getTask(tenant, (answer.body as { id: string }).id);
    expect(task?.deadlines.map((ref) => [ref.kind, ref.dueAt])).toEqual(
      expect.arrayContaining([
        ["task-due-soon", "2026-03-04T00:00:00.000Z"],
        ["task-due", "2026-03-04T01:00:00.000Z"],
      ]),
    );
  });

  it.each([
    { who: "another seller", user: otherSeller, status: 404 },
    { who: "a follower", user: follower, status: 403 },
    { who: "a user of another tenant", user: stranger, status: 404 },
  ])("refuses $who with $status and writes nothing", async ({ user, status }) => {
    const before = await harness.deps.store.listTasksOfOpportunity(tenant, opportunity.id);
    const answer = await harness.call(user, "POST", "/api/tasks", {
      body: { opportunityId: opportunity.id, kind: "call", dueAt: "2026-03-04T10:00:00Z" },
    });
    expect(answer.status).toBe(status);
    const after = await harness.deps.store.listTasksOfOpportunity(tenant, opportunity.id);
    expect(after.items).toHaveLength(before.items.length);
  });

  it("refuses a seller giving a task to someone else with 403", async () => {
    const answer = await harness.call(owner, "POST", "/api/tasks", {
      body: {
        opportunityId: opportunity.id,
        kind: "call",
        dueAt: "2026-03-04T10:00:00Z",
        ownerId: otherSeller.userId,
      },
    });
    expect(answer.status).toBe(403);
  });

  it("refuses bad input naming each field, writing nothing", async () => {
    const before = await harness.deps.store.listTasksOfOpportunity(tenant, opportunity.id);
    const answer = await harness.call(owner, "POST", "/api/tasks", {
      body: { opportunityId: opportunity.id, kind: "dance", dueAt: "tomorrow" },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    const paths = (answer.body as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["kind", "dueAt"]));
    const after = await harness.deps.store.listTasksOfOpportunity(tenant, opportunity.id);
    expect(after.items).toHaveLength(before.items.length);
  });

  it("refuses a manager giving a task to someone who is not a user, naming ownerId", async () => {
    const answer = await harness.call(manager, "POST", "/api/tasks", {
      body: {
        opportunityId: opportunity.id,
        kind: "call",
        dueAt: "2026-03-04T10:00:00Z",
        ownerId: "nobody",
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "ownerId" }] });
  });
});

describe("GET and PATCH /api/tasks/{id}", () => {
  it("reschedules with the ETag it read and answers the new one", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-05T10:00:00Z" });
    const read = await harness.call(owner, "GET", `/api/tasks/${task.id}`);
    expect(read.status).toBe(200);
    const etag = read.headers.get("etag") ?? "";
    const answer = await harness.call(owner, "PATCH", `/api/tasks/${task.id}`, {
      body: { dueAt: "2026-03-06T10:00:00Z", title: "Call about the budget" },
      headers: { "If-Match": etag },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      dueAt: "2026-03-06T10:00:00.000Z",
      title: "Call about the budget",
    });
    expect(answer.headers.get("etag")).not.toBe(etag);
    const stale = await harness.call(owner, "PATCH", `/api/tasks/${task.id}`, {
      body: { title: "Lost update" },
      headers: { "If-Match": etag },
    });
    expect(stale.status).toBe(412);
    expect((await harness.deps.store.getTask(tenant, task.id))?.title).toBe(
      "Call about the budget",
    );
  });

  it("lets a manager hand the task to another seller, but not the owner", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-05T11:00:00Z" });
    const refused = await harness.call(owner, "PATCH", `/api/tasks/${task.id}`, {
      body: { ownerId: otherSeller.userId },
    });
    expect(refused.status).toBe(403);
    const answer = await harness.call(manager, "PATCH", `/api/tasks/${task.id}`, {
      body: { ownerId: otherSeller.userId },
    });
    expect(answer.status).toBe(200);
    const theirs = await tasksOf(otherSeller);
    expect(theirs.items.map((t) => t.id)).toContain(task.id);
  });

  it.each([
    { who: "another seller", user: otherSeller, status: 404 },
    { who: "a user of another tenant", user: stranger, status: 404 },
    { who: "a follower", user: follower, status: 403 },
  ])("answers $who with $status on a change", async ({ user, status }) => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-05T12:00:00Z" });
    const answer = await harness.call(user, "PATCH", `/api/tasks/${task.id}`, {
      body: { dueAt: "2026-03-09T10:00:00Z" },
    });
    expect(answer.status).toBe(status);
    expect((await harness.deps.store.getTask(tenant, task.id))?.dueAt).toBe(task.dueAt);
  });

  it("lets a follower read the task but not another seller", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-05T13:00:00Z" });
    expect((await harness.call(follower, "GET", `/api/tasks/${task.id}`)).status).toBe(200);
    expect((await harness.call(otherSeller, "GET", `/api/tasks/${task.id}`)).status).toBe(404);
    expect((await harness.call(owner, "GET", "/api/tasks/no-such-task")).status).toBe(404);
  });

  it("refuses an empty or malformed change naming the field", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-05T14:00:00Z" });
    const empty = await harness.call(owner, "PATCH", `/api/tasks/${task.id}`, { body: {} });
    expect(empty.status).toBe(400);
    const bad = await harness.call(owner, "PATCH", `/api/tasks/${task.id}`, {
      body: { dueAt: "2026-03-06" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ path: "dueAt" }] });
  });
});

describe("POST /api/tasks/{id}/complete and /cancel", () => {
  it("completes with 'promising': tags the contact and schedules the 14-day follow-up", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T10:00:00Z" });
    const answer = await harness.call(owner, "POST", `/api/tasks/${task.id}/complete`, {
      body: { outcome: "promising" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      task: { status: "done", outcome: "promising" },
      followUp: { kind: "follow-up", dueAt: "2026-03-16T09:00:00.000Z", ownerId: owner.userId },
    });
    const contact = await harness.deps.store.getContact(tenant, opportunity.contact.id);
    expect(contact).toMatchObject({ classification: "promising", tags: ["promising"] });
  });

  it("replaces the earlier classification's follow-up behind 200 other open tasks of the contact", async () => {
    const busy = await arrangeOpportunity(harness, { owner, contact: { name: "Busy Client" } });
    // The contact's open tasks are listed oldest first: these 200 come before the follow-up.
    for (let n = 0; n < 200; n++)
      await arrangeTask(harness, busy, { dueAt: "2026-03-05T10:00:00Z" });
    const first = await arrangeTask(harness, busy, { dueAt: "2026-03-02T10:00:00Z" });
    const earlier = await harness.call(owner, "POST", `/api/tasks/${first.id}/complete`, {
      body: { outcome: "promising" },
    });
    const earlierFollowUp = (earlier.body as { followUp: TaskView }).followUp;
    const second = await arrangeTask(harness, busy, { dueAt: "2026-03-02T11:00:00Z" });
    const answer = await harness.call(owner, "POST", `/api/tasks/${second.id}/complete`, {
      body: { outcome: "likely" },
    });
    expect(answer.status).toBe(200);
    expect((await harness.deps.store.getTask(tenant, earlierFollowUp.id))?.status).toBe(
      "cancelled",
    );
  });

  it("completes with a note and the person's own next task instead of the default follow-up", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T10:15:00Z" });
    const answer = await harness.call(owner, "POST", `/api/tasks/${task.id}/complete`, {
      body: {
        outcome: "promising",
        note: "Wants a **quote** by Friday",
        nextTask: {
          kind: "send-proposal",
          title: "Quote for Friday",
          dueAt: "2026-03-05T09:00:00Z",
        },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      task: { status: "done", outcome: "promising" },
      followUp: {
        kind: "send-proposal",
        title: "Quote for Friday",
        dueAt: "2026-03-05T09:00:00.000Z",
        ownerId: owner.userId,
      },
    });
    // The classification still tags the contact; the note is on the opportunity as typed.
    const contact = await harness.deps.store.getContact(tenant, opportunity.contact.id);
    expect(contact?.classification).toBe("promising");
    const notes = await harness.deps.store.listNotes(tenant, opportunity.id);
    expect(notes.items.map((note) => note.text)).toContain("Wants a **quote** by Friday");
    // No 14-day default follow-up was added beside it.
    const open = await harness.deps.store.listOpenTasksByOwner(tenant, owner.userId, {});
    expect(open.items.filter((t) => t.createdAt === answer.headers.get("date"))).toEqual([]);
    expect(
      open.items.filter(
        (t) => t.origin === "classification" && t.dueAt === "2026-03-16T09:00:00.000Z",
      ),
    ).toEqual([]);
  });

  it("refuses a bad next task naming its field, leaving the task open and no note written", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T10:20:00Z" });
    const before = (await harness.deps.store.listNotes(tenant, opportunity.id)).items.length;
    const answer = await harness.call(owner, "POST", `/api/tasks/${task.id}/complete`, {
      body: { note: "Called", nextTask: { kind: "call", dueAt: "tomorrow" } },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('"path":"nextTask.dueAt"');
    expect((await harness.deps.store.getTask(tenant, task.id))?.status).toBe("open");
    expect((await harness.deps.store.listNotes(tenant, opportunity.id)).items).toHaveLength(before);
  });

  it("completes with the blank choice and creates no follow-up", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T10:30:00Z" });
    const answer = await harness.call(owner, "POST", `/api/tasks/${task.id}/complete`, {
      body: {},
    });
    expect(answer.body).toMatchObject({ task: { status: "done", outcome: null }, followUp: null });
  });

  it("refuses an unknown outcome naming the field, leaving the task open", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T11:00:00Z" });
    const answer = await harness.call(owner, "POST", `/api/tasks/${task.id}/complete`, {
      body: { outcome: "maybe" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "outcome" }] });
    expect((await harness.deps.store.getTask(tenant, task.id))?.status).toBe("open");
  });

  it.each([
    { who: "another seller", user: otherSeller, status: 404 },
    { who: "a follower", user: follower, status: 403 },
    { who: "a user of another tenant", user: stranger, status: 404 },
  ])("refuses completion by $who with $status", async ({ user, status }) => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T11:30:00Z" });
    const answer = await harness.call(user, "POST", `/api/tasks/${task.id}/complete`, {
      body: { outcome: "likely" },
    });
    expect(answer.status).toBe(status);
    expect((await harness.deps.store.getTask(tenant, task.id))?.status).toBe("open");
  });

  it("lets a manager cancel a seller's task, and refuses a second cancel with 409", async () => {
    const task = await arrangeTask(harness, opportunity, { dueAt: "2026-03-02T12:00:00Z" });
    const answer = await harness.call(manager, "POST", `/api/tasks/${task.id}/cancel`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "cancelled" });
    const again = await harness.call(manager, "POST", `/api/tasks/${task.id}/cancel`);
    expect(again.status).toBe(409);
  });
});

describe("hidden marketplace clients in tasks", () => {
  it("redacts the client's name from the agenda's task title and opportunity", async () => {
    const seller = newTestUser(tenant);
    await arrangeUser(harness, seller);
    const hidden = await arrangeOpportunity(harness, {
      owner: seller,
      contact: { name: "Secret Client", email: "secret@client.example" },
      source: "marketplace",
      marketplace: { visibility: "hidden" },
    });
    // A title naming the client (typed by a seller, or written before default titles left
    // hidden names out) is redacted when read.
    await arrangeTask(harness, hidden, {
      dueAt: "2026-03-02T16:00:00Z",
      kind: "first-contact",
      title: "First contact: Secret Client",
    });
    const answer = await harness.call(seller, "GET", "/api/tasks");
    expect(answer.text).not.toContain("Secret Client");
    expect(answer.text).not.toContain("secret@client.example");
    expect(page(answer.body).items[0]).toMatchObject({
      title: "First contact: Hidden client",
      opportunity: { contactName: "Hidden client" },
    });
  });
});
