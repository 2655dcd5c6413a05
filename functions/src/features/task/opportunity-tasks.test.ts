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

const NOW = new Date("2026-03-02T09:00:00.000Z");

let harness: ApiHarness;
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Ana García" });
const otherSeller = newTestUser(tenant, { name: "Luis Romero" });
const follower = newTestUser(tenant, { name: "Sara Follower" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });
const stranger = newTestUser(randomUUID(), { manager: true });
let opportunity: Opportunity;
let other: Opportunity;

type TaskPage = { items: TaskView[]; nextCursor: string | null };
const tasksOf = (user: TestUser, opportunityId: string, extra = "") =>
  harness.call(user, "GET", `/api/tasks?opportunity=${opportunityId}${extra}`);

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  for (const user of [owner, otherSeller, follower, manager]) await arrangeUser(harness, user);
  opportunity = await arrangeOpportunity(harness, { owner, followers: [follower] });
  other = await arrangeOpportunity(harness, { owner, contact: { name: "Someone Else" } });
  await arrangeTask(harness, opportunity, { dueAt: "2026-03-05T10:00:00Z", title: "Later call" });
  const done = await arrangeTask(harness, opportunity, {
    dueAt: "2026-03-01T10:00:00Z",
    title: "Done call",
  });
  await arrangeTask(harness, opportunity, { dueAt: "2026-03-03T10:00:00Z", title: "Next call" });
  await arrangeTask(harness, other, { dueAt: "2026-03-02T10:00:00Z", title: "Not this one" });
  const completed = await harness.call(owner, "POST", `/api/tasks/${done.id}/complete`, {
    body: {},
  });
  if (completed.status !== 200) throw new Error(`arranging a done task: ${completed.status}`);
});
afterAll(() => harness?.close());

describe("GET /api/tasks?opportunity= (the detail's tasks)", () => {
  it("lists every task of the opportunity, done ones included, soonest due first", async () => {
    const answer = await tasksOf(owner, opportunity.id);
    expect(answer.status).toBe(200);
    const { items, nextCursor } = answer.body as TaskPage;
    expect(items.map((t) => [t.title, t.status])).toEqual([
      ["Done call", "done"],
      ["Next call", "open"],
      ["Later call", "open"],
    ]);
    expect(items.every((t) => t.opportunityId === opportunity.id)).toBe(true);
    expect(nextCursor).toBeNull();
  });

  it.each([
    { who: "a manager", user: manager },
    { who: "a follower", user: follower },
  ])("lets $who read them", async ({ user }) => {
    const answer = await tasksOf(user, opportunity.id);
    expect(answer.status).toBe(200);
    expect((answer.body as TaskPage).items).toHaveLength(3);
  });

  it.each([
    { who: "another seller", user: otherSeller },
    { who: "a user of another tenant", user: stranger },
  ])("answers $who 404, as for the opportunity itself", async ({ user }) => {
    const answer = await tasksOf(user, opportunity.id);
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain("Later call");
  });

  it("answers 404 for an opportunity that does not exist", async () => {
    expect((await tasksOf(owner, "no-such-opportunity")).status).toBe(404);
  });

  it("pages with the cursor it answers", async () => {
    const first = (await tasksOf(owner, opportunity.id, "&limit=2")).body as TaskPage;
    expect(first.items.map((t) => t.title)).toEqual(["Done call", "Next call"]);
    expect(first.nextCursor).not.toBeNull();
    const cursor = encodeURIComponent(first.nextCursor ?? "");
    const second = (await tasksOf(owner, opportunity.id, `&limit=2&cursor=${cursor}`))
      .body as TaskPage;
    expect(second).toEqual({
      items: [expect.objectContaining({ title: "Later call" })],
      nextCursor: null,
    });
  });

  it.each([
    ["owner", `&owner=${owner.userId}`],
    ["range", "&range=today"],
  ])("refuses %s together with opportunity, naming the field", async (field, extra) => {
    const answer = await tasksOf(owner, opportunity.id, extra);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body).toMatchObject({ errors: [{ path: `query.${field}` }] });
  });

  it("refuses a malformed opportunity id naming the field", async () => {
    const answer = await harness.call(owner, "GET", "/api/tasks?opportunity=a%20b");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "query.opportunity" }] });
  });

  it("keeps a hidden marketplace client's name out of the task titles", async () => {
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
    const answer = await tasksOf(seller, hidden.id);
    expect(answer.status).toBe(200);
    expect(answer.text).not.toContain("Secret Client");
    expect(answer.text).not.toContain("secret@client.example");
    expect((answer.body as TaskPage).items[0]).toMatchObject({
      title: "First contact: Hidden client",
      opportunity: { contactName: "Hidden client" },
    });
  });
});
