import type { Opportunity } from "@dealflow/core";
import {
  DEFAULT_SOURCES,
  DEFAULT_STAGES,
  defaultSettings,
  HIDDEN_CONTACT_NAME,
  redactHiddenContact,
} from "@dealflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore, type TestStore } from "../../../tests/support/test-storage.js";
import { DEMO_CONNECTOR } from "./demo-marketplace.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "./demo-tenant.js";
import { seedDemoTenantIfEmpty } from "./seed-demo-tenant.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");
const HOUR = 3_600_000;
const hoursFromNow = (iso: string | null | undefined) =>
  (Date.parse(iso ?? "") - NOW.getTime()) / HOUR;

describe("the demo tenant seed", () => {
  let store: TestStore;
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
    // The plans' ten, and Luis's hidden and revealed marketplace clients.
    expect(queue.length).toBe(12);
    const ana = { kind: "first-contact", ownerId: DEMO_USERS.ana.id } as const;
    expect((await store.listOpportunities(DEMO_TENANT_ID, ana)).items.length).toBe(5);
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

  it("configures one marketplace, without a signing secret until a manager makes one", async () => {
    const settings = await store.getSettings(DEMO_TENANT_ID);
    expect(settings.marketplaces).toEqual([
      { key: "malt", name: "Malt", pipelineId: null, reminderMinutes: 1440, revealMinutes: 2880 },
    ]);
    expect(await store.connectors.get(DEMO_CONNECTOR.key)).toBeNull();
  });

  it("catalogs the two sellers and a partner agency that Marta answers for", async () => {
    const targets = (await store.listRoutingTargets(DEMO_TENANT_ID)).items;
    const rows = targets.map((t) => [t.name, t.type, t.level, t.userId, t.active]).sort();
    expect(rows).toEqual([
      ["Ana García", "internal", "silver", DEMO_USERS.ana.id, true],
      ["Estudio Norte", "agency", "gold", DEMO_USERS.marta.id, true],
      ["Luis Romero", "internal", "silver", DEMO_USERS.luis.id, true],
    ]);
    const agency = targets.find((t) => t.type === "agency");
    expect(agency).toMatchObject({ rating: 4.6, reviewCount: 5, completedProjects: 14 });
  });

  it("gives Luis marketplace applications hidden, revealed and withheld", async () => {
    const applications = all.filter((o) => o.marketplace !== null);
    const byState = new Map(applications.map((o) => [o.marketplace?.visibility, o]));
    expect([...byState.keys()].sort()).toEqual(["hidden", "revealed", "withheld"]);
    expect(applications.every((o) => o.ownerId === DEMO_USERS.luis.id)).toBe(true);
    expect(applications.every((o) => o.campaign === "Malt" && o.pipelineId === "sales")).toBe(true);

    // Applied 10 h ago: the reminder (24 h) and the reveal (48 h) are still ahead.
    const hidden = byState.get("hidden");
    const clocks = (hidden?.deadlines ?? []).map((d) => [
      d.kind,
      Math.round(hoursFromNow(d.dueAt)),
    ]);
    expect(clocks.sort()).toEqual([
      ["marketplace-reminder", 14],
      ["marketplace-reveal", 38],
    ]);
    const shown = hidden ? redactHiddenContact(hidden) : null;
    expect(shown?.contact.name).toBe(HIDDEN_CONTACT_NAME);
    expect(JSON.stringify(shown)).not.toMatch(/Valeria|Montes|Yoga Luz|yogaluz/);

    // Accepted 8 h ago with a meeting tomorrow: the contact is known and Luis must call.
    const revealed = byState.get("revealed");
    expect(revealed?.contact.name).toBe("Adrián Lozano");
    expect(hoursFromNow(revealed?.marketplace?.meetingAt)).toBe(26);
    expect(hoursFromNow(revealed?.marketplace?.revealedAt)).toBe(-8);
    const tasks = await store.listTasksOfOpportunity(DEMO_TENANT_ID, revealed?.id ?? "");
    expect(tasks.items.map((t) => [t.kind, t.ownerId, t.status])).toContainEqual([
      "first-contact",
      DEMO_USERS.luis.id,
      "open",
    ]);

    // Declined within 48 h: never revealed, lost, the fee to be refunded.
    const withheld = byState.get("withheld");
    expect(withheld?.status).toBe("lost");
    expect(withheld?.marketplace).toMatchObject({ refund: "eligible", refundReason: null });
    expect(withheld?.deadlines).toEqual([]);
  });

  it("routed the unassigned lead yesterday: Ana, Luis and the agency each have a pending offer", async () => {
    const offers = (await store.listTenantOffers(DEMO_TENANT_ID, "pending")).items;
    expect(offers.map((o) => o.userId).sort()).toEqual(
      [DEMO_USERS.ana.id, DEMO_USERS.luis.id, DEMO_USERS.marta.id].sort(),
    );
    const routed = all.find((o) => o.id === offers[0]?.opportunityId);
    expect(routed?.ownerId).toBeNull();
    for (const offer of offers) {
      expect(offer).toMatchObject({ mode: "automatic", opportunityId: routed?.id });
      expect(hoursFromNow(offer.expiresAt)).toBe(50);
    }
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
