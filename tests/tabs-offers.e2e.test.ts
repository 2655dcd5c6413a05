import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { callApi, configureConnector, postConnectorEvent } from "./support/tabs-api.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;
// The machine running the suite is shared: give the reads time.
const POLL = { timeout: 20_000 };
const HOUR = 3_600_000;

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

const call = (
  user: { id: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => callApi(started().host.url, user, method, path, body, headers);

/** As a manager does it in Settings: each demo seller answers the offers of one target. */
const arrangeTargets = async () => {
  for (const seller of [DEMO_USERS.ana, DEMO_USERS.luis]) {
    const created = await call(DEMO_USERS.marta, "POST", "/api/routing/targets", {
      name: seller.name,
      type: "internal",
      level: "gold",
      primaryLanguage: "es",
      services: ["web"],
      userId: seller.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
};

const newOpportunity = async (title: string): Promise<string> => {
  const created = await call(DEMO_USERS.marta, "POST", "/api/opportunities", {
    contact: { name: `Client of ${title}`, email: `${randomUUID().slice(0, 8)}@client.example` },
    source: "web-form",
    title,
    ownerId: DEMO_USERS.luis.id,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
};

/** A hidden marketplace application, so that the Marketplace view has a row to check. */
const arrangeApplication = async () => {
  const connector = await configureConnector(started().host.url, DEMO_USERS.marta);
  const posted = await postConnectorEvent(started().host.url, connector, {
    id: `evt-${randomUUID()}`,
    type: "application-submitted",
    applicationId: `app-${randomUUID().slice(0, 8)}`,
    appliedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    title: "Shopify store for a textile brand",
    client: { name: "Beatriz Solano", email: "beatriz@hidden.example" },
    fee: { amount: 25, currency: "EUR" },
    ownerId: DEMO_USERS.ana.id,
  });
  expect(posted.status, posted.text).toBe(201);
};

const openDetail = async (page: Page, opportunityId: string) => {
  await page.evaluate((id) => {
    const { location } = globalThis as unknown as { location: { hash: string } };
    location.hash = `#/opportunities/${id}`;
  }, opportunityId);
};

// SPEC §4.5 in Debian's Chromium: a manager routes an opportunity to Ana by hand from its
// detail; Ana finds the offer under Offers with its deadline, accepts, and owns it.
describe.skipIf(!hasChromium)("routing offers in the tabs (needs /usr/bin/chromium)", () => {
  const titles = { accepted: "Website for Ortega Dental", waiting: "Online shop for Pérez Vinos" };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTabsApp();
    await arrangeTargets();
    ids.accepted = await newOpportunity(titles.accepted);
    ids.waiting = await newOpportunity(titles.waiting);
    await arrangeApplication();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a manager routes to Ana manually; Ana accepts under Offers and becomes the owner", async () => {
    const { page: marta } = await started().signIn("Marta Díaz", { bypassCSP: true });
    for (const key of ["accepted", "waiting"] as const) {
      await openDetail(marta, ids[key] ?? "");
      await marta.getByRole("heading", { level: 1, name: titles[key] }).waitFor(POLL);
      const routing = marta.getByRole("region", { name: "Routing" });
      await routing.waitFor(POLL);
      await routing.getByRole("button", { name: "Route to…" }).click();
      const dialog = marta.getByRole("dialog");
      const target = dialog.getByRole("combobox", { name: /Target/ });
      await target.waitFor(POLL);
      await target.selectOption({ label: "Ana García (internal, gold)" });
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden", ...POLL });
      await expect.poll(() => routing.innerText(), POLL).toContain("Offers sent: 1.");
      expect(await routing.innerText()).toMatch(/Ana García\s+Pending · Manual/);
      if (key === "waiting") expect(await seriousViolations(marta)).toEqual([]);
    }
    await marta.close();

    const { page } = await started().signIn("Ana García");
    await page.getByRole("navigation").getByRole("link", { name: "Offers", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Offers" }).waitFor(POLL);
    const row = page.getByRole("row").filter({ hasText: titles.accepted });
    await row.waitFor(POLL);
    // Sent moments ago with the 3-day window: the deadline in words and as a time.
    expect(await row.innerText()).toMatch(/Expires in (3d|2d 23h) \(/);
    expect(await row.innerText()).toContain("Ana García");
    await row.getByRole("button", { name: "Accept", exact: true }).click();
    await expect
      .poll(() => page.getByRole("status").allInnerTexts(), POLL)
      .toContainEqual(expect.stringContaining(`You accepted the offer: ${titles.accepted}`));
    await expect.poll(() => row.count(), POLL).toBe(0);

    const read = await call(DEMO_USERS.ana, "GET", `/api/opportunities/${ids.accepted}`);
    expect(read.status).toBe(200);
    expect(read.body.ownerId).toBe(DEMO_USERS.ana.id);
    // The other offer still waits for her answer.
    expect(await page.getByRole("row").filter({ hasText: titles.waiting }).count()).toBe(1);
    await page.close();
  });

  it.each([
    { theme: "light", options: {} },
    { theme: "dark", options: { colorScheme: "dark" } },
  ] as const)(
    "Offers and Marketplace have no serious axe violation ($theme)",
    async ({ options }) => {
      const { page } = await started().signIn("Ana García", { bypassCSP: true, ...options });
      await page.getByRole("navigation").getByRole("link", { name: "Offers", exact: true }).click();
      await page.getByRole("row").filter({ hasText: titles.waiting }).waitFor(POLL);
      expect(await seriousViolations(page)).toEqual([]);

      await page
        .getByRole("row")
        .filter({ hasText: titles.waiting })
        .getByRole("button", { name: "Decline", exact: true })
        .click();
      await page.getByRole("alertdialog").waitFor(POLL);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
      await page.getByRole("alertdialog").waitFor({ state: "hidden", ...POLL });

      await page
        .getByRole("navigation")
        .getByRole("link", { name: "Marketplace", exact: true })
        .click();
      const row = page.getByRole("row").filter({ hasText: "Hidden client" });
      await row.waitFor(POLL);
      expect(await row.innerText()).toMatch(/Reveal in 4[56]h/);
      expect(await page.content()).not.toContain("Beatriz");
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
