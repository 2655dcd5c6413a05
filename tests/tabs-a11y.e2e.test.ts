import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

const AXE_PATH = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/** Runs axe-core on the whole document; returns its serious and critical violations. */
const seriousViolations = async (page: Page): Promise<Violation[]> => {
  if (!(await page.evaluate(() => "axe" in globalThis)))
    await page.addScriptTag({ path: AXE_PATH });
  // A dialog fades in; axe would measure the contrast of half-transparent text.
  await page.evaluate(async () => {
    type Animated = { getAnimations(): { finished: Promise<unknown> }[] };
    const { document } = globalThis as unknown as { document: Animated };
    // A cancelled animation (the dialog re-rendered when its data arrived) rejects `finished`
    // with an AbortError: it is over either way.
    await Promise.all(
      document.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
    );
  });
  return page.evaluate(async () => {
    type AxeResults = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; html: string }[];
      }[];
    };
    type Axe = { run(context: unknown): Promise<AxeResults> };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    // Tabster's focus guards (<i tabindex="0" aria-hidden>, inserted by Fluent UI) hand focus on
    // at once; axe's aria-hidden-focus cannot know that.
    const results = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map(
          (node) => `${node.target.join(" ")} ${node.html.slice(0, 120)}`,
        ),
      }));
  });
};

const VIEWS = ["First contact", "Second contact", "My opportunities", "Following", "Agenda"];
const DIALOGS = ["Details", "Ready for proposal", "Second contact", "Discard"];

let app: TabsApp | undefined;

// axe-core on every main view and dialog, for a seller and for a manager: no serious or
// critical violation. The pages bypass the CSP only so that axe can be injected.
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

    describe.each(["Ana García", "Marta Díaz"])("signed in as %s", (name) => {
      let page: Page | undefined;
      beforeAll(async () => {
        if (!app) throw new Error("not started");
        ({ page } = await app.signIn(name, { bypassCSP: true }));
      });
      afterAll(async () => {
        await page?.close();
      });

      const show = async (view: string): Promise<Page> => {
        if (!page) throw new Error("not signed in");
        await page.getByRole("tab", { name: view }).click();
        await page.getByRole("heading", { level: 1, name: view }).waitFor();
        await page.getByText("Loading").first().waitFor({ state: "hidden" });
        return page;
      };

      it.each(VIEWS)("the %s view", async (view) => {
        const shown = await show(view);

        expect(await seriousViolations(shown)).toEqual([]);
      });

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
