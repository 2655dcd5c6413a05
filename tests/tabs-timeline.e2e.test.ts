import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;

// The detail's timeline as the demo tenant's history reads it, in Debian's Chromium.
describe.skipIf(!hasChromium)(
  "the opportunity timeline in Chromium (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });

    afterAll(async () => {
      await app?.close();
    });

    const openFirstQueued = async (name: string): Promise<Page> => {
      if (!app) throw new Error("not started");
      const { page } = await app.signIn(name);
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      const table = page.getByRole("table", { name: /First contact/ });
      await table
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .first()
        .getByRole("link")
        .click();
      await expect.poll(() => page.url()).toMatch(/#\/opportunities\/.+/);
      return page;
    };

    const linesOf = async (page: Page): Promise<string[]> => {
      const timeline = page.getByRole("region", { name: "Timeline" });
      const items = timeline.getByRole("listitem");
      await expect.poll(() => items.count()).toBeGreaterThan(0);
      return items.evaluateAll((lis) =>
        lis.map((li) => {
          const time = li.querySelector("time")?.textContent ?? "";
          return (li.textContent ?? "").slice(time.length).replace(/\s+/g, " ").trim();
        }),
      );
    };

    it("says each line as a sentence, never a raw type, and adds the user's own follow", async () => {
      const page = await openFirstQueued("Ana García");
      const before = await linesOf(page);
      expect(before.some((text) => /came in from|created the opportunity/.test(text))).toBe(true);
      for (const text of before) expect(text).not.toMatch(/^[a-z]+(-[a-z]+)+ by /);

      const unfollow = page.getByRole("button", { name: "Unfollow", exact: true });
      if ((await unfollow.count()) > 0) await unfollow.click();
      await page.getByRole("button", { name: "Follow", exact: true }).click();
      await expect.poll(() => unfollow.count()).toBe(1);
      await expect
        .poll(async () => (await linesOf(page))[0])
        .toBe("Ana García started following the opportunity.");
      await page.close();
    });
  },
);
