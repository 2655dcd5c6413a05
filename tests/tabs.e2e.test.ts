import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

const DAY_MS = 86_400_000;
let app: TabsApp | undefined;

// The whole app as `npm start` serves it (dev auth, demo tenant, built tabs at /), in
// Debian's Chromium. Skipped only where that browser is not installed.
describe.skipIf(!hasChromium)("the tabs in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const signIn = async (name: string): Promise<Page> => {
    if (!app) throw new Error("not started");
    return (await app.signIn(name)).page;
  };

  it("a seller marks the newest contact ready for proposal and finds Send proposal due in 3 days", async () => {
    const page = await signIn("Ana García");
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "First contact", exact: true })
      .click();
    const table = page.getByRole("table", { name: /First contact/ });
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect.poll(() => rows.count()).toBeGreaterThan(1);

    const received = await rows
      .locator("time")
      .evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(received).toEqual([...received].sort().reverse());

    const first = rows.first();
    const contact = (await first.getByRole("cell").nth(1).getByRole("link").textContent()) ?? "";
    await first.getByRole("button", { name: "Ready for proposal" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Needs" }).fill("A booking website");
    await dialog.getByRole("textbox", { name: "Budget" }).fill("6000 EUR");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => table.getByRole("row", { name: contact }).count()).toBe(0);

    await page.getByRole("navigation").getByRole("link", { name: "Agenda", exact: true }).click();
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
