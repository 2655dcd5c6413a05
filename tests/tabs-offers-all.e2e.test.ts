import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { callApi } from "./support/tabs-api.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;
// The machine running the suite is shared: give the reads time.
const POLL = { timeout: 20_000 };

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

const call = (user: { id: string }, method: string, path: string, body?: unknown) =>
  callApi(started().host.url, user, method, path, body);

/** As in Settings and the detail: a target Ana answers for, and one opportunity offered to it. */
const arrangeOffer = async (target: string, title: string) => {
  const created = await call(DEMO_USERS.marta, "POST", "/api/routing/targets", {
    name: target,
    type: "agency",
    level: "silver",
    primaryLanguage: "es",
    services: ["web"],
    userId: DEMO_USERS.ana.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const opportunity = await call(DEMO_USERS.marta, "POST", "/api/opportunities", {
    contact: { name: `Client of ${title}`, email: `${randomUUID().slice(0, 8)}@client.example` },
    source: "web-form",
    title,
    ownerId: DEMO_USERS.luis.id,
  });
  expect(opportunity.status, JSON.stringify(opportunity.body)).toBe(201);
  const id = opportunity.body.id as string;
  const routed = await call(DEMO_USERS.marta, "POST", `/api/opportunities/${id}/routing`, {
    mode: "manual",
    targetId: created.body.id,
  });
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
  return id;
};

// SPEC §4.5 in Debian's Chromium: a manager oversees every offer of the team under Offers,
// filters them by status and answers one for its target.
describe.skipIf(!hasChromium)("a manager's view of every offer (needs /usr/bin/chromium)", () => {
  const target = `Scope Partners ${randomUUID().slice(0, 4)}`;
  const title = `Landing page for Gil Ópticas ${randomUUID().slice(0, 4)}`;
  let opportunityId = "";

  beforeAll(async () => {
    app = await startTabsApp();
    opportunityId = await arrangeOffer(target, title);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("switches to All, filters by status and accepts another user's offer for its target", async () => {
    const { page } = await started().signIn("Marta Díaz", { bypassCSP: true });
    await page.getByRole("navigation").getByRole("link", { name: "Offers", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Offers" }).waitFor(POLL);
    await page.getByRole("button", { name: "All", exact: true }).click();
    const status = page.getByRole("combobox", { name: "Status" });
    await status.waitFor(POLL);
    expect(
      await page.getByRole("button", { name: "All", exact: true }).getAttribute("aria-pressed"),
    ).toBe("true");
    const row = page.getByRole("row").filter({ hasText: title });
    await row.waitFor(POLL);
    expect(await row.innerText()).toContain(target);
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole("button", { name: "Accept", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").allInnerTexts(), POLL)
      .toContainEqual(expect.stringContaining(`You accepted the offer for ${target}: ${title}`));
    // Answered, it leaves the pending offers and shows under any status with its answer.
    await expect.poll(() => row.count(), POLL).toBe(0);
    await status.selectOption({ label: "Any status" });
    await row.waitFor(POLL);
    expect(await row.innerText()).toMatch(/Accepted \(/);
    expect(await row.getByRole("button").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const read = await call(DEMO_USERS.ana, "GET", `/api/opportunities/${opportunityId}`);
    expect(read.body.ownerId).toBe(DEMO_USERS.ana.id);
    await page.close();
  });
});
