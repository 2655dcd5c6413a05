import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

const WHITE = "rgb(255, 255, 255)";
const VIEWS = [
  "First contact",
  "Second contact",
  "My opportunities",
  "Following",
  "Agenda",
  "Pipeline",
];
/** Only managers have these in the navigation. */
const MANAGER_VIEWS = ["Reports", "Settings"];
const DIALOGS = ["Details", "Ready for proposal", "Second contact", "Discard"];

let app: TabsApp | undefined;

// axe-core on every main view and dialog, for a seller and for a manager, in the light, dark
// and high-contrast themes: no serious or critical violation. The pages bypass the CSP only so
// that axe can be injected.
describe.skipIf(!hasChromium)(
  "the tabs' accessibility in Chromium (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    it("the sign-in page", async () => {
      if (!app) throw new Error("not started");
      const { page } = await app.open({ bypassCSP: true });
      await page.getByRole("button", { name: "Ana García" }).waitFor();

      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    // Outside Teams the tab follows the browser's colour scheme as it follows the Teams theme
    // inside Teams; `?theme=contrast` shows Teams' high-contrast theme, and forced colours
    // are what Windows high contrast does to any page.
    describe.each([
      { name: "Ana García", theme: "light", options: {}, background: WHITE },
      { name: "Marta Díaz", theme: "light", options: {}, background: WHITE },
      {
        name: "Marta Díaz",
        theme: "dark",
        options: { colorScheme: "dark" },
        background: "rgb(41, 41, 41)",
      },
      {
        name: "Ana García",
        theme: "Teams high-contrast",
        options: { path: "/?theme=contrast" },
        background: "rgb(0, 0, 0)",
      },
      {
        name: "Marta Díaz",
        theme: "forced-colours (Windows high contrast)",
        options: { forcedColors: "active" },
        background: null,
      },
    ] as const)("signed in as $name, $theme theme", ({ name, options, background }) => {
      let page: Page | undefined;
      beforeAll(async () => {
        if (!app) throw new Error("not started");
        ({ page } = await app.signIn(name, { bypassCSP: true, ...options }));
      });
      afterAll(async () => {
        await page?.close();
      });

      const show = async (view: string): Promise<Page> => {
        if (!page) throw new Error("not signed in");
        await page.getByRole("navigation").getByRole("link", { name: view, exact: true }).click();
        await page.getByRole("heading", { level: 1, name: view }).waitFor();
        await page.getByText("Loading").first().waitFor({ state: "hidden" });
        return page;
      };

      // Forced colours are the browser's: there is no theme background to compare with.
      if (background !== null)
        it("renders with that theme's background", async () => {
          if (!page) throw new Error("not signed in");
          const provider = page.locator(".fui-FluentProvider").first();
          const color = await provider.evaluate(
            (element) =>
              (
                globalThis as unknown as {
                  getComputedStyle(element: unknown): { backgroundColor: string };
                }
              ).getComputedStyle(element).backgroundColor,
          );

          expect(color).toBe(background);
        });

      it.each(name === "Marta Díaz" ? [...VIEWS, ...MANAGER_VIEWS] : VIEWS)(
        "the %s view",
        async (view) => {
          const shown = await show(view);

          expect(await seriousViolations(shown)).toEqual([]);
        },
      );

      it.each(DIALOGS)("the %s dialog", async (action) => {
        const shown = await show("First contact");
        const row = shown
          .getByRole("table", { name: /First contact/ })
          .getByRole("row")
          .filter({ has: shown.getByRole("cell") })
          .first();
        await row.getByRole("button", { name: action, exact: true }).click();
        const dialog = shown.getByRole("dialog");
        await dialog.waitFor();
        // The Details dialog loads its notes: measure the settled dialog, not the spinner.
        await dialog.getByText("Loading").first().waitFor({ state: "hidden" });
        // Closed whatever happens, so one failure does not leave a modal over the next test.
        const violations = await seriousViolations(shown).finally(async () => {
          await shown.keyboard.press("Escape");
          await dialog.waitFor({ state: "hidden" });
        });

        expect(violations).toEqual([]);
      });

      it("the New opportunity dialog", async () => {
        const shown = await show("First contact");
        await shown.getByRole("button", { name: "New opportunity" }).click();
        const dialog = shown.getByRole("dialog");
        await dialog.waitFor();
        // The Details dialog loads its notes: measure the settled dialog, not the spinner.
        await dialog.getByText("Loading").first().waitFor({ state: "hidden" });
        // Closed whatever happens, so one failure does not leave a modal over the next test.
        const violations = await seriousViolations(shown).finally(async () => {
          await shown.keyboard.press("Escape");
          await dialog.waitFor({ state: "hidden" });
        });

        expect(violations).toEqual([]);
      });
    });
  },
);
