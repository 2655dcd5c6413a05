import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFunctions } from "../functions/src/create-functions.js";
import { type RunningLocalHost, startLocalHost } from "../functions/src/local-host/local-host.js";
import { seedDemoTenantIfEmpty } from "../functions/src/seed/seed-demo-tenant.js";
import { createTableStorage } from "../functions/src/storage/table-storage.js";
import { ensureTabsBuilt, hasChromium, launchChromium, TABS_DIST } from "./support/browser.js";
import { createTestAppDeps } from "./support/test-app-deps.js";

const DAY_MS = 86_400_000;
let host: RunningLocalHost | undefined;
let browser: Browser | undefined;

// The whole app as `npm start` serves it (dev auth, demo tenant, built tabs at /), in
// Debian's Chromium. Skipped only where that browser is not installed.
describe.skipIf(!hasChromium)("the tabs in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    await ensureTabsBuilt();
    const storage = createTableStorage({
      connectionString: inject("storageConnectionString"),
      tablePrefix: `t${randomUUID().replace(/-/g, "").slice(0, 12)}`,
    });
    await storage.ensureTables();
    const deps = createTestAppDeps({ storage });
    await seedDemoTenantIfEmpty(storage, new Date());
    host = await startLocalHost({
      definitions: createFunctions(deps).filter((definition) => definition.trigger === "http"),
      host: "127.0.0.1",
      port: 0,
      timers: "off",
      storageConnectionString: storage.config.connectionString,
      siteRoot: TABS_DIST,
      clock: () => new Date(),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const signIn = async (name: string): Promise<Page> => {
    if (!browser || !host) throw new Error("not started");
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole("button", { name }).click();
    await expect.poll(() => page.getByText("Local mode").isVisible()).toBe(true);
    return page;
  };

  it("a seller marks the newest contact ready for proposal and finds Send proposal due in 3 days", async () => {
    const page = await signIn("Ana García");
    await page.getByRole("tab", { name: "First contact" }).click();
    const table = page.getByRole("table", { name: /First contact/ });
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect.poll(() => rows.count()).toBeGreaterThan(1);

    const received = await rows
      .locator("time")
      .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(received).toEqual([...received].sort().reverse());

    const first = rows.first();
    const contact = (await first.getByRole("cell").nth(1).textContent()) ?? "";
    await first.getByRole("button", { name: "Ready for proposal" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Needs" }).fill("A booking website");
    await dialog.getByRole("textbox", { name: "Budget" }).fill("6000 EUR");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => table.getByRole("row", { name: contact }).count()).toBe(0);

    await page.getByRole("tab", { name: "Agenda" }).click();
    const task = page
      .getByRole("list", { name: "Upcoming" })
      .getByRole("listitem")
      .filter({ hasText: `Send proposal: ${contact}` });
    await expect.poll(() => task.count()).toBe(1);
    const dueAt = await task.locator("time").getAttribute("datetime");
    const dueIn = new Date(dueAt ?? "").getTime() - Date.now();
    expect(Math.abs(dueIn - 3 * DAY_MS)).toBeLessThan(10 * 60_000);
    await page.close();
  });
});
