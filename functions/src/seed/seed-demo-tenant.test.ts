import type { Opportunity } from "@dealflow/core";
import { DEFAULT_SOURCES, DEFAULT_STAGES, defaultSettings } from "@dealflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore } from "../../../tests/support/test-storage.js";
import type { Store } from "../storage/store.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "./demo-tenant.js";
import { seedDemoTenantIfEmpty } from "./seed-demo-tenant.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");

describe("the demo tenant seed", () => {
  let store: Store;
  let all: Opportunity[];
  let firstRun: Awaited<ReturnType<typeof seedDemoTenantIfEmpty>>;

  beforeAll(async () => {
    store = await createTestStore();
    firstRun = await seedDemoTenantIfEmpty(store.storage, NOW);
    all = (await store.listOpportunities(DEMO_TENANT_ID, { kind: "all" }, { limit: 200 })).items;
  }, 120_000);

  it("seeds the three demo users of the contract", async () => {
    expect(firstRun).toEqual({ seeded: true, tenantId: DEMO_TENANT_ID });
    const users = (await store.listUsers(DEMO_TENANT_ID)).items;
    expect(users.map((u) => [u.name, u.role]).sort()).toEqual([
      ["Ana García", "seller"],
      ["Luis Romero", "seller"],
      ["Marta Díaz", "manager"],
    ]);
  });

  it("makes about forty opportunities in every stage, status and source", () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((o) => o.stage))).toEqual(new Set(DEFAULT_STAGES.map((s) => s.id)));
    expect(new Set(all.map((o) => o.status))).toEqual(
      new Set(["open", "won", "lost", "discarded"]),
    );
    expect(new Set(all.map((o) => o.source))).toEqual(new Set(DEFAULT_SOURCES.map((s) => s.id)));
  });

  it("fills the first-contact queue newest first, with an unassigned lead", async () => {
    const queue = (await store.listOpportunities(DEMO_TENANT_ID, { kind: "first-contact" })).items;
    expect(queue.length).toBe(10);
    const times = queue.map((o) => Date.parse(o.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(queue.some((o) => o.ownerId === null)).toBe(true);
  });

  it("gives the sellers tasks overdue, due today and later", async () => {
    const endOfDay = new Date("2026-03-03T00:00:00.000Z");
    for (const user of [DEMO_USERS.ana, DEMO_USERS.luis]) {
      const overdue = await store.listOpenTasksByOwner(DEMO_TENANT_ID, user.id, { to: NOW });
      const later = await store.listOpenTasksByOwner(DEMO_TENANT_ID, user.id, { from: endOfDay });
      expect(overdue.items.length, `${user.name} overdue`).toBeGreaterThan(0);
      expect(later.items.length, `${user.name} later`).toBeGreaterThan(0);
    }
    const today = [DEMO_USERS.ana, DEMO_USERS.luis].map((user) =>
      store.listOpenTasksByOwner(DEMO_TENANT_ID, user.id, { from: NOW, to: endOfDay }),
    );
    const todayCount = (await Promise.all(today)).reduce((n, page) => n + page.items.length, 0);
    expect(todayCount).toBeGreaterThan(0);
  });

  it("gives opportunities participants, followers, notes and a timeline", async () => {
    expect(all.some((o) => o.participants.length > 0)).toBe(true);
    const following = await store.listOpportunities(DEMO_TENANT_ID, {
      kind: "following",
      userId: DEMO_USERS.marta.id,
    });
    expect(following.items.length).toBeGreaterThan(0);
    const withNotes = await Promise.all(
      all.map(async (o) => (await store.listNotes(DEMO_TENANT_ID, o.id)).items.length),
    );
    expect(withNotes.some((count) => count > 0)).toBe(true);
    const timeline = await store.listActivities(DEMO_TENANT_ID, all[0]?.id ?? "");
    expect(timeline.items.map((a) => a.type)).toContain("created");
  });

  it("classifies contacts from completed tasks", async () => {
    const contacts = await Promise.all(
      all.map((o) => store.getContact(DEMO_TENANT_ID, o.contact.id)),
    );
    const classified = contacts.filter((c) => c?.classification);
    expect(classified.length).toBeGreaterThanOrEqual(3);
  });

  it("starts over after a first start that died half-way", async () => {
    const fresh = await createTestStore();
    await fresh.commit(DEMO_TENANT_ID, {
      changes: [{ entity: "settings", before: null, after: defaultSettings() }],
      schedule: [],
      cancel: [],
    });
    expect(await seedDemoTenantIfEmpty(fresh.storage, NOW)).toEqual({
      seeded: true,
      tenantId: DEMO_TENANT_ID,
    });
    const count = (await fresh.listOpportunities(DEMO_TENANT_ID, { kind: "all" }, { limit: 200 }))
      .items.length;
    expect(count).toBe(all.length);
  }, 120_000);

  it("does nothing on a second start", async () => {
    const again = await seedDemoTenantIfEmpty(store.storage, NOW);
    expect(again.seeded).toBe(false);
    const count = (await store.listOpportunities(DEMO_TENANT_ID, { kind: "all" }, { limit: 200 }))
      .items.length;
    expect(count).toBe(all.length);
  });
});
