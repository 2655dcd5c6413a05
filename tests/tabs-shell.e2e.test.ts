import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

// The shell on Teams mobile's width: the navigation is a drawer behind the header's menu
// button, with the same landmark and links as on a laptop, reachable and closable by keyboard.
describe.skipIf(!hasChromium)("the shell on a phone in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("opens the navigation drawer from the menu button, focuses its first link, and Escape gives focus back", async () => {
    const { page, cspViolations } = await started().signIn("Marta Díaz", {
      viewport: { width: 390, height: 844 },
      bypassCSP: true,
    });
    const menu = page.getByRole("main").getByRole("button", { name: "Open navigation" });
    await menu.waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
    // A closed drawer puts no focus guard at the page's edges (focusable yet aria-hidden,
    // Lighthouse's aria-hidden-focus). Once any Fluent modal has opened, tabster keeps its
    // root's guards: that is Fluent's, for every dialog.
    expect(await page.locator('[aria-hidden="true"][tabindex="0"]').count()).toBe(0);

    await menu.click();
    const nav = page.getByRole("navigation", { name: "Views" });
    await nav.getByRole("link", { name: "Settings", exact: true }).waitFor();
    await expect.poll(() => page.locator(":focus").textContent()).toBe("Agenda");
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press("Escape");
    await expect.poll(() => nav.count()).toBe(0);
    await expect
      .poll(() => page.locator(":focus").getAttribute("aria-label"))
      .toBe("Open navigation");
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("a choice in the drawer shows that view across the phone's width and closes the drawer", async () => {
    const { page } = await started().signIn("Ana García", {
      viewport: { width: 390, height: 844 },
    });
    await page.getByRole("main").getByRole("button", { name: "Open navigation" }).click();
    await page
      .getByRole("navigation", { name: "Views" })
      .getByRole("link", { name: "First contact", exact: true })
      .click();

    await page.getByRole("heading", { name: "First contact", level: 1 }).waitFor();
    await expect.poll(() => page.getByRole("navigation").count()).toBe(0);
    expect(page.url()).toMatch(/#\/first-contact$/);
    // Page-side code as text: the tests' TypeScript has no DOM types.
    const widths = (await page.evaluate(`({
      main: document.querySelector("main").getBoundingClientRect().width,
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
    })`)) as { main: number; page: number; viewport: number };
    expect(widths.page).toBe(widths.viewport);
    expect(widths.main).toBeGreaterThanOrEqual(0.85 * widths.viewport);
    // Each lead is a card with the three first-contact actions on one line.
    const card = page.getByRole("article").first();
    const tops = await Promise.all(
      ["Ready for proposal", "Second contact", "Discard"].map(async (name) =>
        Math.round((await card.getByRole("button", { name, exact: true }).boundingBox())?.y ?? -1),
      ),
    );
    expect(new Set(tops).size).toBe(1);
    await page.close();
  });

  // The inline navigation on a laptop is Fluent's NavDrawer on its own background token
  // (colorNeutralBackground4, Fluent's nav drawer tokens): light and dark alike, no other colour
  // laid over it, from the top of the page to the bottom.
  it.each(["light", "dark"] as const)(
    "on a laptop the navigation has Fluent's nav drawer background in %s, full height",
    async (colorScheme) => {
      const { page } = await started().signIn("Marta Díaz", {
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      const nav = page.getByRole("navigation", { name: "Views" });
      await nav.getByRole("link", { name: "Settings", exact: true }).click();
      await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
      // Page-side code as text: the tests' TypeScript has no DOM types.
      const colours = (await page.evaluate(`(() => {
        const nav = document.querySelector("[role=navigation]");
        const token = document.createElement("div");
        token.style.backgroundColor = "var(--colorNeutralBackground4)";
        nav.appendChild(token);
        const expected = getComputedStyle(token).backgroundColor;
        token.remove();
        const box = nav.getBoundingClientRect();
        return {
          nav: getComputedStyle(nav).backgroundColor,
          expected,
          reachesBottom: box.bottom >= window.innerHeight - 1,
        };
      })()`)) as { nav: string; expected: string; reachesBottom: boolean };
      await page.context().close();

      expect(colours.nav).toBe(colours.expected);
      expect(colours.reachesBottom).toBe(true);
      expect(colours.expected).toBe(
        colorScheme === "dark" ? "rgb(20, 20, 20)" : "rgb(240, 240, 240)",
      );
    },
  );
});
