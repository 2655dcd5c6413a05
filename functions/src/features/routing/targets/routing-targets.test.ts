import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../../tests/support/api-harness.js";
import { arrangeUser } from "../../../api/api.test-support.js";
import { createTarget, errorPaths, type TargetView, targetBody } from "../routing.test-support.js";

let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García" });
const other = newTestUser(randomUUID(), { manager: true });

const listNames = async (user = manager) => {
  const answer = await harness.call(user, "GET", "/api/routing/targets");
  return (answer.body as { items: TargetView[] }).items.map((target) => target.name);
};

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [manager, ana, other]) await arrangeUser(harness, user);
});
afterAll(async () => {
  await harness?.close();
});

describe("routing targets (SPEC §4.5, managed in Settings)", () => {
  it("creates, lists by name, updates with If-Match and deactivates a target", async () => {
    const created = await createTarget(harness, manager, targetBody("Zeta Web", ana.userId));
    expect(created).toMatchObject({ name: "Zeta Web", active: true, level: "gold" });
    await createTarget(harness, manager, targetBody("Alfa Studio", null, { type: "freelancer" }));
    expect(await listNames()).toEqual(["Alfa Studio", "Zeta Web"]);

    const path = `/api/routing/targets/${created.id}`;
    const read = await harness.call(manager, "PUT", path, {
      body: targetBody("Zeta Web", ana.userId, { level: "platinum" }),
    });
    expect(read.status).toBe(200);
    const etag = read.headers.get("etag") ?? "";
    const stale = await harness.call(manager, "PUT", path, {
      body: targetBody("Zeta Renamed", ana.userId),
      headers: { "If-Match": "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"" },
    });
    expect(stale.status).toBe(412);
    const saved = await harness.call(manager, "PUT", path, {
      body: targetBody("Zeta Web", ana.userId, { level: "platinum", services: ["web", "web"] }),
      headers: { "If-Match": etag },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ level: "platinum", services: ["web"] });

    const removed = await harness.call(manager, "DELETE", path);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ active: false });
    const stored = await harness.deps.store.getRoutingTarget(tenant, created.id);
    expect(stored).toMatchObject({ active: false, name: "Zeta Web", level: "platinum" });
  });

  it.each([
    ["name", { name: "" }],
    ["type", { type: "reseller" }],
    ["level", { level: "diamond" }],
    ["rating", { rating: 6 }],
    ["reviewCount", { reviewCount: -1 }],
    ["services", { services: Array.from({ length: 51 }, (_, i) => `s${i}`) }],
    ["userId", { userId: "not a valid id!" }],
  ])("refuses an invalid %s with 400 naming it, writing nothing", async (field, over) => {
    const before = await listNames();
    const answer = await harness.call(manager, "POST", "/api/routing/targets", {
      body: targetBody("Invalid Partner", null, over),
    });
    expect(answer.status).toBe(400);
    expect(errorPaths(answer.body).some((path) => path.startsWith(field))).toBe(true);
    expect(await listNames()).toEqual(before);
  });

  it("keeps the review-fed rating and counts on an edit: a stale form cannot undo a review", async () => {
    const created = await createTarget(
      harness,
      manager,
      targetBody("Rated Partner", ana.userId, {
        rating: 4.5,
        reviewCount: 8,
        completedProjects: 9,
      }),
    );
    const edited = await harness.call(manager, "PUT", `/api/routing/targets/${created.id}`, {
      body: targetBody("Rated Partner", ana.userId, { rating: 0, reviewCount: 0, level: "silver" }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ level: "silver", rating: 4.5, reviewCount: 8 });
    const stored = await harness.deps.store.getRoutingTarget(tenant, created.id);
    expect(stored).toMatchObject({ rating: 4.5, reviewCount: 8, completedProjects: 9 });
  });

  it("refuses a user who is not in the tenant as the target's user", async () => {
    const answer = await harness.call(manager, "POST", "/api/routing/targets", {
      body: targetBody("Ghost Partner", other.userId),
    });
    expect(answer.status).toBe(400);
    expect(errorPaths(answer.body)).toEqual(["userId"]);
    expect(await listNames()).not.toContain("Ghost Partner");
  });

  it("is the managers': a seller gets 403 and changes nothing", async () => {
    const target = await createTarget(harness, manager, targetBody("Kept Partner", null));
    const path = `/api/routing/targets/${target.id}`;
    expect((await harness.call(ana, "GET", "/api/routing/targets")).status).toBe(403);
    const created = await harness.call(ana, "POST", "/api/routing/targets", {
      body: targetBody("Seller Partner", null),
    });
    expect(created.status).toBe(403);
    expect((await harness.call(ana, "PUT", path, { body: targetBody("X", null) })).status).toBe(
      403,
    );
    expect((await harness.call(ana, "DELETE", path)).status).toBe(403);
    expect(await listNames()).not.toContain("Seller Partner");
    expect(await harness.deps.store.getRoutingTarget(tenant, target.id)).toMatchObject({
      name: "Kept Partner",
      active: true,
    });
  });

  it("keeps tenants apart: another tenant's manager sees none and gets 404 by id", async () => {
    const target = await createTarget(harness, manager, targetBody("Private Partner", null));
    expect(await listNames(other)).toEqual([]);
    const answer = await harness.call(other, "DELETE", `/api/routing/targets/${target.id}`);
    expect(answer.status).toBe(404);
  });
});
