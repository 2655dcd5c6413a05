import { randomUUID } from "node:crypto";
import type { NextTask } from "@dealflow/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeTask } from "../../api/api.test-support.js";
import { asPage, signIn } from "./opportunity.test-support.js";

let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant, { name: "Ana García" });
const other = newTestUser(tenant, { name: "Luis Romero" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });
const NOW = "2026-03-02T08:00:00.000Z";
const inDays = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => new Date(NOW) });
  await signIn(harness, seller, other, manager);
});
afterAll(() => harness?.close());

type Listed = { id: string; nextTask?: NextTask | null };
const listed = async (path: string, as = seller) => {
  const answer = await harness.call(as, "GET", path);
  expect(answer.status).toBe(200);
  return asPage(answer.body).items as unknown as Listed[];
};

describe("the next task in opportunity lists (include=nextTask)", () => {
  it("gives each opportunity its owner's soonest open task", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    await arrangeTask(harness, opportunity, { dueAt: inDays(5), kind: "call", title: "Call" });
    const soonest = await arrangeTask(harness, opportunity, {
      dueAt: inDays(2),
      kind: "meeting",
      title: "Demo",
    });

    const items = await listed("/api/opportunities?view=mine&include=nextTask");

    expect(items.find((item) => item.id === opportunity.id)?.nextTask).toEqual({
      id: soonest.id,
      kind: "meeting",
      title: "Demo",
      dueAt: inDays(2),
    });
  });

  it("says null for an opportunity whose owner has no open task on it", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });

    const items = await listed("/api/opportunities?view=mine&include=nextTask");

    expect(items.find((item) => item.id === opportunity.id)?.nextTask).toBeNull();
  });

  it("leaves out a task a manager gave to someone other than the owner", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner: seller });
    await arrangeTask(harness, opportunity, { dueAt: inDays(1), ownerId: other.userId });

    const items = await listed("/api/opportunities?view=all&include=nextTask", manager);

    expect(items.find((item) => item.id === opportunity.id)?.nextTask).toBeNull();
  });

  it("redacts a hidden marketplace client's name from the task's title", async () => {
    const opportunity = await arrangeOpportunity(harness, {
      owner: seller,
      contact: { name: "Zoe Quintana", email: "zoe@quintana.example" },
      source: "marketplace",
      marketplace: { visibility: "hidden" },
    });
    await arrangeTask(harness, opportunity, { dueAt: inDays(1), title: "Call Zoe Quintana" });

    const items = await listed("/api/opportunities?view=mine&include=nextTask");

    const title = items.find((item) => item.id === opportunity.id)?.nextTask?.title ?? "";
    expect(title).toMatch(/^Call /);
    expect(title).not.toMatch(/Zoe|Quintana/);
  });

  it("adds nothing to the items unless asked (the queues stay as they were)", async () => {
    await arrangeOpportunity(harness, { owner: seller });

    const items = await listed("/api/opportunities?view=mine");

    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).not.toHaveProperty("nextTask");
  });
});
