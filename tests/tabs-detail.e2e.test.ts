import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;

// The whole app as `npm start` serves it (dev auth, demo tenant, built tabs at /), in
// Debian's Chromium. Skipped only where that browser is not installed.
describe.skipIf(!hasChromium)(
  "the opportunity detail and owners in Chromium (needs /usr/bin/chromium)",
  () => {
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

    const nameOf = new Map(Object.values(DEMO_USERS).map((user) => [user.id, user.name]));
    /** Whose each row is: its owner id (the Owner column drops out of a seller's own queue). */
    const ownersIn = async (page: Page): Promise<string[]> => {
      const table = page.getByRole("table", { name: /First contact/ });
      const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      const ids = await rows.evaluateAll((trs) =>
        trs.map((tr) => tr.getAttribute("data-owner-id") ?? ""),
      );
      return ids.map((id) => nameOf.get(id) ?? id);
    };

    it("the detail shows the three role sections; Follow then Unfollow", async () => {
      const page = await signIn("Ana García");
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      const table = page.getByRole("table", { name: /First contact/ });
      const first = table
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .first();
      await first.getByRole("link").click();
      await expect.poll(() => page.url()).toMatch(/#\/opportunities\/.+/);
      for (const name of ["Contact", "Other participants", "Followers"]) {
        await expect.poll(() => page.getByRole("heading", { name, exact: true }).count()).toBe(1);
      }
      const followers = page.getByRole("region", { name: "Followers" });
      const follow = page.getByRole("button", { name: "Follow", exact: true });
      const unfollow = page.getByRole("button", { name: "Unfollow", exact: true });
      if ((await unfollow.count()) > 0) {
        await unfollow.click();
        await expect.poll(() => follow.count()).toBe(1);
      }
      await follow.click();
      await expect.poll(() => unfollow.count()).toBe(1);
      await expect.poll(() => followers.getByText("Ana García").count()).toBe(1);
      await unfollow.click();
      await expect.poll(() => follow.count()).toBe(1);
      await expect.poll(() => followers.getByText("Ana García").count()).toBe(0);
      await page.close();
    });

    it("a manager sees every owner's opportunities and filters by owner", async () => {
      const page = await signIn("Marta Díaz");
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      const owners = new Set(await ownersIn(page));
      expect(owners).toContain("Ana García");
      expect(owners).toContain("Luis Romero");
      await page.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Ana García" });
      await expect.poll(async () => [...new Set(await ownersIn(page))]).toEqual(["Ana García"]);
      await page.close();
    });

    it("a seller does not see another seller's opportunities", async () => {
      const page = await signIn("Luis Romero");
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      const owners = await ownersIn(page);
      expect(owners).toContain("Luis Romero");
      expect(owners).not.toContain("Ana García");
      expect(await page.getByRole("combobox", { name: "Owner" }).count()).toBe(0);
      await page.close();
    });
  },
);
