import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFunctions } from "../functions/src/create-functions.js";
import { type RunningLocalHost, startLocalHost } from "../functions/src/local-host/local-host.js";
import { seedDemoTenantIfEmpty } from "../functions/src/seed/seed-demo-tenant.js";
import { createTableStorage } from "../functions/src/storage/table-storage.js";
import { ensureTabsBuilt, hasChromium, launchChromium, TABS_DIST } from "./support/browser.js";
import { createTestAppDeps } from "./support/test-app-deps.js";

let host: RunningLocalHost | undefined;
let browser: Browser | undefined;

// The whole app as `npm start` serves it (dev auth, demo tenant, built tabs at /), in
// Debian's Chromium. Skipped only where that browser is not installed.
describe.skipIf(!hasChromium)(
  "the opportunity detail and owners in Chromium (needs /usr/bin/chromium)",
  () => {
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

    const OWNER_COLUMN = 7;
    const ownersIn = async (page: Page): Promise<string[]> => {
      const table = page.getByRole("table", { name: /First contact/ });
      const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
      await expect.poll(() => rows.count()).toBeGreaterThan(0);
      return rows.evaluateAll(
        (trs, column) => trs.map((tr) => tr.querySelectorAll("td")[column]?.textContent ?? ""),
        OWNER_COLUMN,
      );
    };

    it("the detail shows the three role sections; Follow then Unfollow", async () => {
      const page = await signIn("Ana García");
      await page.getByRole("tab", { name: "First contact" }).click();
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
      await page.getByRole("tab", { name: "First contact" }).click();
      const owners = new Set(await ownersIn(page));
      expect(owners).toContain("Ana García");
      expect(owners).toContain("Luis Romero");
      await page.getByRole("combobox", { name: "Owner" }).selectOption({ label: "Ana García" });
      await expect.poll(async () => [...new Set(await ownersIn(page))]).toEqual(["Ana García"]);
      await page.close();
    });

    it("a seller does not see another seller's opportunities", async () => {
      const page = await signIn("Luis Romero");
      await page.getByRole("tab", { name: "First contact" }).click();
      const owners = await ownersIn(page);
      expect(owners).toContain("Luis Romero");
      expect(owners).not.toContain("Ana García");
      expect(await page.getByRole("combobox", { name: "Owner" }).count()).toBe(0);
      await page.close();
    });
  },
);
