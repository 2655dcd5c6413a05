import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations, WCAG22_AA } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { measureLayout } from "./support/layout-probe.js";
import { followRequests, type Settler } from "./support/settle.js";
import { MANAGER_NAV_VIEWS, SELLER_NAV_VIEWS } from "./support/tab-views.js";
import { callApi } from "./support/tabs-api.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

/** Teams on a phone, and a laptop's Teams tab (issue 17). */
const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
] as const;

/** Every view of the navigation (CONTRACTS.md hash routes), and an opportunity's detail. */
const SELLER_VIEWS = [...SELLER_NAV_VIEWS, "detail"];
const MANAGER_VIEWS = [...MANAGER_NAV_VIEWS, "detail"];

/** The main landmark's share of a phone's width: the navigation must not keep half of it. */
const PHONE_MAIN_SHARE = 0.85;

let app: TabsApp | undefined;
let detailHash = "";

// Each view as a seller and as a manager, on a phone and a laptop, judged from the DOM: no
// sideways scroll, no text drawn over text or off the screen, the content gets the phone's
// width, and axe's WCAG 2.2 AA rules (target size included) find nothing serious. One host,
// one browser, one page per user: the views are reached by their hash, as a deep link does.
describe.skipIf(!hasChromium)("the tab's layout on a phone and a laptop (Chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
    // The detail with the most people on it: every role section has something to lay out.
    const mine = await callApi(app.host.url, DEMO_USERS.ana, "GET", "/api/opportunities?view=mine");
    type Listed = { id: string; participants: unknown[]; followers: unknown[] };
    const [fullest] = (mine.body.items as Listed[]).sort(
      (a, b) =>
        b.participants.length + b.followers.length - a.participants.length - a.followers.length,
    );
    if (!fullest) throw new Error("the demo tenant has no opportunity of Ana's");
    detailHash = `#/opportunities/${fullest.id}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  // The judge judged: on a page made for it, the probe sees what it must and nothing else.
  it("the probe finds text over text and off the screen, not hidden or clipped text", async () => {
    if (!app) throw new Error("not started");
    const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.setContent(`
      <style>body { margin: 0; font: 16px sans-serif } p { margin: 0 }</style>
      <main style="width: 300px">
        <p style="position: absolute; top: 10px; left: 10px">lucia@hotelmiramar.es</p>
        <p style="position: absolute; top: 12px; left: 60px">+34 611 200 101</p>
        <p style="position: absolute; top: 60px; left: 10px">apart from the others</p>
        <span style="position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); top: 60px; left: 10px">visually hidden</span>
        <p style="position: absolute; top: 60px; left: 10px; visibility: hidden">invisible</p>
        <div style="position: absolute; top: 100px; left: 0; width: 80px; overflow: hidden;
          white-space: nowrap"><span>clipped text that runs on</span></div>
        <p style="position: absolute; top: 100px; left: 100px">beside the clip</p>
        <p style="position: absolute; top: 140px; left: 350px; white-space: nowrap">off screen</p>
      </main>`);
    const layout = await measureLayout(page);
    await page.close();

    expect(layout.overlaps).toEqual(['"+34 611 200 101" × "lucia@hotelmiramar.es"']);
    expect(layout.offscreen).toEqual(['"off screen"']);
    expect(layout.mainWidth).toBe(300);
  });

  describe.each([
    { user: DEMO_USERS.ana.name, views: SELLER_VIEWS },
    { user: DEMO_USERS.marta.name, views: MANAGER_VIEWS },
  ])("signed in as $user", ({ user, views }) => {
    let page: Page | undefined;
    let settler: Settler | undefined;
    beforeAll(async () => {
      if (!app) throw new Error("not started");
      ({ page } = await app.signIn(user, { bypassCSP: true }));
      settler = followRequests(page);
    });
    afterAll(async () => {
      await page?.context().close();
    });

    const show = async (view: string, viewport: (typeof VIEWPORTS)[number]): Promise<Page> => {
      if (!page || !settler) throw new Error("not signed in");
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const hash = view === "detail" ? detailHash : `#/${view}`;
      await page.evaluate((target) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = target;
      }, hash);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await settler.settled();
      return page;
    };

    const clean = {
      sidewaysScroll: null,
      textOverText: [],
      textOffScreen: [],
      mainShareTooSmall: null,
      axe: [],
    };

    describe.each(VIEWPORTS)("on a $name ($width×$height)", (viewport) => {
      it.each(views)("%s: fits the width, no text over text, WCAG 2.2 AA", async (view) => {
        const shown = await show(view, viewport);
        const layout = await measureLayout(shown);
        const violations = await seriousViolations(shown, { tags: WCAG22_AA });

        const mainShare = layout.mainWidth / layout.viewportWidth;
        expect({
          sidewaysScroll: layout.scrollWidth > layout.viewportWidth ? layout.scrollWidth : null,
          textOverText: layout.overlaps,
          textOffScreen: layout.offscreen,
          mainShareTooSmall:
            viewport.name === "phone" && mainShare < PHONE_MAIN_SHARE ? mainShare : null,
          axe: violations.map((violation) => `${violation.id}: ${violation.targets.join(" | ")}`),
        }).toEqual(clean);
      });
    });

    if (views === MANAGER_VIEWS) {
      // A laptop's queue (issue 17): the source and campaign column is there with its words,
      // and each lead keeps to one line with Details and the three actions side by side.
      it("first contact on a laptop: source and campaign shown, one line per lead and its actions", async () => {
        const shown = await show("first-contact", VIEWPORTS[1]);
        const queue = (await shown.evaluate(`(() => {
          const table = document.querySelector("main table");
          const headers = [...table.querySelectorAll("th")].map((th) => ({
            text: th.textContent,
            width: Math.round(th.getBoundingClientRect().width),
          }));
          const rows = [...table.querySelectorAll("tr[data-opportunity-id]")].map((row) => {
            const buttons = [...row.querySelectorAll("button")];
            return {
              height: Math.round(row.getBoundingClientRect().height),
              buttonLines: new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size,
              buttons: buttons.length,
            };
          });
          return { headers, rows };
        })()`)) as {
          headers: { text: string; width: number }[];
          rows: { height: number; buttonLines: number; buttons: number }[];
        };
        const origin = queue.headers.find((header) => header.text === "Source · Campaign");
        expect(origin?.width ?? 0).toBeGreaterThanOrEqual(100);
        expect(queue.rows.length).toBeGreaterThan(0);
        for (const row of queue.rows) {
          expect(row).toEqual({ height: 52, buttonLines: 1, buttons: 4 });
        }
      });

      // The Reports tables: every header on one line, on a laptop and on a phone (a table
      // wider than a phone scrolls inside its own frame; the page test checks the page).
      it.each(VIEWPORTS)("reports on a $name: every table header on one line", async (viewport) => {
        const shown = await show("reports", viewport);
        const wrapped = (await shown.evaluate(`(() => {
          // The lines a cell's words take: the distinct tops of its text's line boxes.
          const lines = (cell) => {
            const tops = new Set();
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
            }
            return tops.size;
          };
          return [...document.querySelectorAll("main th")]
            .filter((cell) => lines(cell) > 1)
            .map((cell) => cell.textContent);
        })()`)) as string[];
        expect(await shown.locator("main th").count()).toBeGreaterThan(0);
        expect(wrapped).toEqual([]);
      });
    }

    // The detail's dialogs on a phone: inside the screen, nothing drawn over anything in them.
    const DIALOGS: Record<string, { opener: (page: Page) => ReturnType<Page["getByRole"]> }> = {
      "Add task": {
        opener: (page) =>
          page.getByRole("region", { name: "Tasks" }).getByRole("button", { name: "Add task" }),
      },
      Complete: {
        opener: (page) =>
          page
            .getByRole("region", { name: "Tasks" })
            .getByRole("button", { name: "Complete" })
            .first(),
      },
      Profile: {
        opener: (page) =>
          page
            .getByRole("region", { name: "Contact", exact: true })
            .getByRole("button", { name: "Profile" }),
      },
      ...(views === MANAGER_VIEWS
        ? {
            "Route to…": {
              opener: (page: Page) => page.getByRole("button", { name: "Route to…" }),
            },
          }
        : {}),
    };
    it.each(Object.keys(DIALOGS))(
      "the detail's %s dialog fits a phone, no text over text, WCAG 2.2 AA",
      async (name) => {
        const shown = await show("detail", VIEWPORTS[0]);
        await DIALOGS[name]?.opener(shown).click();
        const dialog = shown.getByRole("dialog");
        await dialog.waitFor();
        await settler?.settled();
        const layout = await measureLayout(shown, { root: "[role=dialog]" });
        const violations = await seriousViolations(shown, { tags: WCAG22_AA });
        await dialog.getByRole("button", { name: "Cancel" }).click();
        await dialog.waitFor({ state: "hidden" });

        const { scope } = layout;
        expect({
          outsideTheScreen:
            scope.left < 0 || scope.right > layout.viewportWidth || scope.top < 0 ? scope : null,
          textOverText: layout.overlaps,
          textOffScreen: layout.offscreen,
          axe: violations.map((violation) => `${violation.id}: ${violation.targets.join(" | ")}`),
        }).toEqual({ outsideTheScreen: null, textOverText: [], textOffScreen: [], axe: [] });
      },
    );
  });
});
