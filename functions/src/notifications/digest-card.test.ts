import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { runDailyDigest } from "../sla/daily-digest.js";
import { readerFor, renderCard } from "./render-card.js";

// The 08:00 digest of a person whose Teams is in Mexico City (UTC-6 all year) while the
// tenant's zone is another: it is sent at their 08:00 and lists their today, in their language.
const MEXICO_EIGHT = new Date("2026-03-02T14:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const luis = newTestUser(tenant, { name: "Luis Romero" });
const TONIGHT = `Cerrar propuesta ${randomUUID().slice(0, 6)}`;
const TOMORROW_EARLY = `Llamar temprano ${randomUUID().slice(0, 6)}`;

const addTask = async (title: string, dueAt: string) => {
  const answer = await harness.call(luis, "POST", "/api/tasks", {
    body: { opportunityId: null, kind: "call", title, dueAt },
  });
  expect(answer.status, answer.text).toBe(201);
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => MEXICO_EIGHT });
  const answer = await harness.call(luis, "PUT", "/api/me/preferences", {
    body: { locale: "es-MX", timeZone: "America/Mexico_City" },
  });
  expect(answer.status, answer.text).toBe(200);
  // 20:00 tonight and 07:00 tomorrow in Mexico City: both within 24 h of the digest.
  await addTask(TONIGHT, "2026-03-03T02:00:00.000Z");
  await addTask(TOMORROW_EARLY, "2026-03-03T13:00:00.000Z");
});
afterAll(() => harness?.close());

describe("the daily digest of a person with their own zone", () => {
  it("is sent at 08:00 in their zone, not at the tenant's", async () => {
    const store = harness.deps.store;
    // 08:00 in the tenant's zone (UTC): not Luis's hour.
    expect((await runDailyDigest(store, new Date("2026-03-02T08:00:00.000Z"))).sent).toBe(0);
    expect((await runDailyDigest(store, MEXICO_EIGHT)).sent).toBe(1);
    expect(await store.getNotification(tenant, `digest:${luis.userId}:2026-03-02`)).not.toBeNull();
  });

  it("lists what is due before their midnight, in their language", async () => {
    const store = harness.deps.store;
    const ctx = {
      store,
      tenantId: tenant,
      settings: await store.getSettings(tenant),
      links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
      now: MEXICO_EIGHT,
      user: (id: string) => store.getUser(tenant, id),
      opportunity: (id: string) => store.getOpportunity(tenant, id),
      names: async () => null,
    };
    const reader = await readerFor(ctx, luis.userId);

    const card = JSON.stringify(
      await renderCard(
        { kind: "daily-digest", userId: luis.userId, date: "2026-03-02" },
        ctx,
        reader,
      ),
    );

    expect(reader).toEqual({ locale: "es", timeZone: "America/Mexico_City" });
    expect(card).toContain("Tu agenda del");
    expect(card).toContain(TONIGHT);
    expect(card).not.toContain(TOMORROW_EARLY);
  });
});
