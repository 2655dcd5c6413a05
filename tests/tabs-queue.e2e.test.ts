import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { hasChromium } from "./support/browser.js";
import { devToken, type SignedInPage, startTabsApp, type TabsApp } from "./support/tabs-app.js";

const HOUR_MS = 3_600_000;
let app: TabsApp | undefined;

const queueRows = (page: Page, view: string): Locator =>
  page
    .getByRole("table", { name: new RegExp(view) })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

/** The newest opportunity of the First contact queue: its row's contact name, then the action. */
const actOnNewest = async (page: Page, action: string): Promise<string> => {
  await page
    .getByRole("navigation")
    .getByRole("link", { name: "First contact", exact: true })
    .click();
  const rows = queueRows(page, "First contact");
  await expect.poll(() => rows.count()).toBeGreaterThan(0);
  const first = rows.first();
  const contact = (await first.getByRole("cell").nth(1).getByRole("link").textContent()) ?? "";
  await first.getByRole("button", { name: action, exact: true }).click();
  await page.getByRole("dialog").waitFor();
  return contact;
};

// The First contact actions as a seller does them, in Chromium, under the tabs' real
// Content-Security-Policy (no page here bypasses it).
describe.skipIf(!hasChromium)(
  "the first-contact queue in Chromium (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    const signIn = (name: string): Promise<SignedInPage> => {
      if (!app) throw new Error("not started");
      return app.signIn(name);
    };

    it("serves the page with a CSP that lets only Teams and Microsoft 365 frame it", async () => {
      if (!app) throw new Error("not started");
      const response = await fetch(`${app.host.url}/`);
      const policy = response.headers.get("content-security-policy") ?? "";

      expect(policy).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
      expect(policy).toContain("script-src 'self';");
    });

    it("a seller sends a contact to Second contact in 48 h: it shows there and in the Agenda", async () => {
      const { page, cspViolations } = await signIn("Ana García");
      const contact = await actOnNewest(page, "Second contact");
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("radio", { name: "48 h" }).check();
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect
        .poll(() => queueRows(page, "First contact").filter({ hasText: contact }).count())
        .toBe(0);

      await page
        .getByRole("navigation")
        .getByRole("link", { name: "Second contact", exact: true })
        .click();
      await expect
        .poll(() => queueRows(page, "Second contact").filter({ hasText: contact }).count())
        .toBe(1);

      await page.getByRole("navigation").getByRole("link", { name: "Agenda", exact: true }).click();
      const task = page
        .getByRole("list", { name: "Upcoming" })
        .getByRole("listitem")
        .filter({ hasText: `Second contact: ${contact}` });
      await expect.poll(() => task.count()).toBe(1);
      const dueAt = await task.locator("time").getAttribute("datetime");
      const dueIn = new Date(dueAt ?? "").getTime() - Date.now();
      expect(Math.abs(dueIn - 48 * HOUR_MS)).toBeLessThan(10 * 60_000);
      expect(cspViolations).toEqual([]);
      await page.close();
    });

    it("a seller discards a contact with a reason: it leaves the queue and is listed as discarded", async () => {
      if (!app) throw new Error("not started");
      const { page, cspViolations } = await signIn("Ana García");
      const contact = await actOnNewest(page, "Discard");
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("radio", { name: "No budget" }).check();
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect
        .poll(() => queueRows(page, "First contact").filter({ hasText: contact }).count())
        .toBe(0);

      // Until the tabs have a Discarded contacts list, the manager's API shows it.
      const token = await devToken(app.host.url, DEMO_USERS.marta.id);
      const response = await fetch(`${app.host.url}/api/contacts/discarded`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const { items } = (await response.json()) as {
        items: { contact: { name: string }; reason: string }[];
      };
      expect(items).toContainEqual(
        expect.objectContaining({
          contact: expect.objectContaining({ name: contact }),
          reason: "no-budget",
        }),
      );
      expect(cspViolations).toEqual([]);
      await page.close();
    });
  },
);
