import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import {
  type Connector,
  configureConnector as configureConnectorAs,
  postConnectorEvent,
} from "./support/tabs-api.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;
// The machine running the suite is shared: give the reads time.
const POLL = { timeout: 20_000 };
const HOUR = 3_600_000;

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

/** As a manager does it: a marketplace with 12 h / 36 h clocks and its signing secret. */
const configureConnector = () =>
  configureConnectorAs(started().host.url, DEMO_USERS.marta, {
    reminderMinutes: 12 * 60,
    revealMinutes: 36 * 60,
  });

/** An application submitted `hoursAgo` for Ana, signed as the marketplace signs it. */
const applyFor = async (connector: Connector, hoursAgo: number) => {
  const response = await postConnectorEvent(started().host.url, connector, {
    id: `evt-${randomUUID()}`,
    type: "application-submitted",
    applicationId: `app-${randomUUID().slice(0, 8)}`,
    appliedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    title: "Rebuild the online shop",
    client: { name: "Beatriz Solano", email: "beatriz.solano@hidden.example" },
    ownerId: DEMO_USERS.ana.id,
  });
  expect(response.status, response.text).toBeLessThan(300);
  return response.body;
};

// A hidden marketplace client in the seller's first-contact queue, in Debian's Chromium.
describe.skipIf(!hasChromium)(
  "a hidden client in the first-contact queue (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    it("offers no first-contact action until the reveal, says why, and counts down to the connector's own reveal", async () => {
      const applied = await applyFor(await configureConnector(), 1);
      expect(applied.visibility).toBe("hidden");

      const { page } = await started().signIn("Ana García", { bypassCSP: true });
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      const row = page.locator(`tr[data-opportunity-id="${applied.opportunityId}"]`);
      await row.waitFor(POLL);
      // Ana's settings carry no connectors: 35 h left is the server's 36 h mark, not 48 h.
      expect(await row.innerText()).toContain("Hidden · reveals in 35h");
      for (const name of ["Ready for proposal", "Second contact", "Discard"]) {
        const button = row.getByRole("button", { name, exact: true });
        expect(await button.getAttribute("aria-disabled")).toBe("true");
        const describedBy = (await button.getAttribute("aria-describedby")) ?? "";
        const reason = await page.locator(`[id="${describedBy}"]`).innerText();
        expect(reason).toContain("The client is not revealed yet");
      }
      await row.getByRole("button", { name: "Discard", exact: true }).focus();
      await expect
        .poll(() => page.getByRole("tooltip").innerText(), POLL)
        .toContain("not revealed yet");
      await row.getByRole("button", { name: "Discard", exact: true }).click({ force: true });
      expect(await page.getByRole("dialog").count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    });
  },
);
