import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { hasChromium } from "./support/browser.js";
import { followRequests } from "./support/settle.js";
import { MANAGER_NAV_VIEWS } from "./support/tab-views.js";
import { callApi } from "./support/tabs-api.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

/** Every view a manager sees, Contacts too, and an opportunity's detail. */
const VIEWS = [...MANAGER_NAV_VIEWS, "contacts"];

let app: TabsApp | undefined;

// What React, Fluent or the tab itself reports as an error or a warning on the console is a
// bug nobody sees in a Teams tab (no devtools there): e.g. React's "conditional use()" warning
// that the language's catalog once raised on the first load. From a fresh load, as a manager.
describe.skipIf(!hasChromium)("the tab's console (Chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("no view logs an error or a warning, from the first load on", async () => {
    if (!app) throw new Error("not started");
    const mine = await callApi(app.host.url, DEMO_USERS.ana, "GET", "/api/opportunities?view=mine");
    const [first] = mine.body.items as { id: string }[];
    if (!first) throw new Error("the demo tenant has no opportunity of Ana's");

    const host = app.host.url;
    const { page } = await app.open();
    const reported: string[] = [];
    const listen = (target: Page) => {
      target.on("console", (message) => {
        // The harness aborts every request off the loopback host (teams-js asks Office's CDN
        // for its valid domains and copes without): Chromium logs those as failed loads.
        const offHost = !message.location().url.startsWith(host);
        if (offHost && message.text().startsWith("Failed to load resource")) return;
        if (message.type() === "error" || message.type() === "warning")
          reported.push(
            `${message.type()}: ${message.text().slice(0, 300)} @ ${message.location().url}`,
          );
      });
      target.on("pageerror", (error) => reported.push(`pageerror: ${error.message}`));
    };
    listen(page);
    const settler = followRequests(page);
    // The listeners see the load itself: the language's catalog is fetched on it.
    await page.reload();
    await page.getByRole("button", { name: DEMO_USERS.marta.name }).click();
    await page.getByText("Local mode").waitFor();

    for (const hash of [...VIEWS.map((view) => `#/${view}`), `#/opportunities/${first.id}`]) {
      await page.evaluate((target) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = target;
      }, hash);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await settler.settled();
    }
    await page.context().close();

    expect(reported).toEqual([]);
  });
});
