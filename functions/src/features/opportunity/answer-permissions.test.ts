import { randomUUID } from "node:crypto";
import type { Task } from "@dealflow/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeTask } from "../../api/api.test-support.js";
import { asOpportunity, asPage, signIn } from "./opportunity.test-support.js";

// The tab shows what the server decided (issue 18): who may edit an opportunity, who may
// change a task, and when a first contact is late or escalates. Each answer says it for the
// user who asked, so these read the same records as the owner, a follower and a manager.
const NOW = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Ana García" });
const follower = newTestUser(tenant, { name: "Luis Romero" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  await signIn(harness, owner, follower, manager);
});
afterAll(() => harness?.close());

const path = (id: string, rest = ""): string => `/api/opportunities/${id}${rest}`;

describe("what an answer says the asker may do", () => {
  it("lets the owner and a manager edit, and a follower only read, in the detail and in lists", async () => {
    const o = await arrangeOpportunity(harness, { owner, followers: [follower] });
    const editOf = async (user: typeof owner) =>
      asOpportunity((await harness.call(user, "GET", path(o.id))).body).permissions;

    expect(await editOf(owner)).toEqual({ edit: true });
    expect(await editOf(manager)).toEqual({ edit: true });
    expect(await editOf(follower)).toEqual({ edit: false });
    const following = await harness.call(follower, "GET", "/api/opportunities?view=following");
    const listed = asPage(following.body).items.find((item) => item.id === o.id);
    expect(listed?.permissions).toEqual({ edit: false });
  });

  it("says it again after a write: following does not make a follower an editor", async () => {
    const o = await arrangeOpportunity(harness, { owner, followers: [follower] });
    const followed = await harness.call(follower, "POST", path(o.id, "/followers/me"));
    expect(followed.status).toBe(200);
    expect(asOpportunity(followed.body).permissions).toEqual({ edit: false });
  });

  it("lets a follower change their own task on someone else's opportunity, not the owner's", async () => {
    const o = await arrangeOpportunity(harness, { owner, followers: [follower] });
    await arrangeTask(harness, o, { dueAt: "2026-03-03T10:00:00.000Z", title: "Owner's call" });
    await arrangeTask(harness, o, {
      dueAt: "2026-03-04T10:00:00.000Z",
      title: "Follower's call",
      ownerId: follower.userId,
    });
    const tasksAs = async (user: typeof owner) => {
      const answer = await harness.call(user, "GET", `/api/tasks?opportunity=${o.id}`);
      const items = (answer.body as { items: Task[] }).items;
      return Object.fromEntries(items.map((t) => [t.title, t.permissions.change]));
    };

    expect(await tasksAs(follower)).toEqual({ "Owner's call": false, "Follower's call": true });
    expect(await tasksAs(owner)).toEqual({ "Owner's call": true, "Follower's call": true });
    expect(await tasksAs(manager)).toEqual({ "Owner's call": true, "Follower's call": true });
  });
});

describe("the first contact's clock", () => {
  it("answers the target and escalation instants from reception and the tenant's durations", async () => {
    const receivedAt = "2026-03-02T08:00:00.000Z";
    const o = await arrangeOpportunity(harness, { owner, receivedAt });
    const shown = asOpportunity((await harness.call(owner, "GET", path(o.id))).body);
    // The default durations (SPEC §5): 15 minutes to the target, 4 hours to escalation.
    expect(shown.firstContact).toMatchObject({
      state: "awaiting",
      targetAt: "2026-03-02T08:15:00.000Z",
      escalatesAt: "2026-03-02T12:00:00.000Z",
    });
  });
});
