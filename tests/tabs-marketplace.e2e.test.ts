import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
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

/** Everything that would identify the client; none of it may reach the page while hidden. */
const CLIENT = {
  name: "Beatriz Solano",
  email: "beatriz.solano@hidden.example",
  phone: "+34 600 111 222",
  company: "Solano Textiles",
  linkedinUrl: "https://www.linkedin.com/in/beatriz-solano-hidden",
  preferredChannel: "teams-meeting",
};
const MEETING_URL = "https://meet.hidden.example/solano-42";
const SECRETS = ["Beatriz", "Solano", CLIENT.email, CLIENT.phone, CLIENT.linkedinUrl, MEETING_URL];

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

/** As a manager does it: add the marketplace to the settings, then rotate its secret. */
const configureConnector = () => configureConnectorAs(started().host.url, DEMO_USERS.marta);

/** Posts one event as the marketplace does: HMAC of `timestamp.body` with the secret. */
const postEvent = async (connector: Connector, event: Record<string, unknown>) => {
  const response = await postConnectorEvent(started().host.url, connector, event);
  expect(response.status, response.text).toBeLessThan(300);
  return response.body;
};

const pageHtml = (page: Page) => page.content();

// A hidden marketplace opportunity as its seller sees it in Debian's Chromium: the state and
// its countdowns, no trace of the client until the client accepts.
describe.skipIf(!hasChromium)(
  "marketplace opportunities in the tabs (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    it("a seller sees a hidden client's countdown, then the contact once the client accepts", async () => {
      const connector = await configureConnector();
      const applicationId = `app-${randomUUID().slice(0, 8)}`;
      // Applied 16 h 30 min ago: the reveal is 31 h 30 min away, the reminder 7 h 30 min.
      const applied = await postEvent(connector, {
        id: `evt-${randomUUID()}`,
        type: "application-submitted",
        applicationId,
        appliedAt: new Date(Date.now() - 16.5 * HOUR).toISOString(),
        title: "Rebuild the online shop",
        brief: "We need a new Shopify store.",
        client: CLIENT,
        fee: { amount: 25, currency: "EUR" },
        meetingAt: new Date(Date.now() + 72 * HOUR).toISOString(),
        meetingUrl: MEETING_URL,
        ownerId: DEMO_USERS.ana.id,
      });
      expect(applied.visibility).toBe("hidden");

      const { page } = await started().signIn("Ana García", { bypassCSP: true });
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "My opportunities", exact: true })
        .click();
      const row = page.locator(`tr[data-opportunity-id="${applied.opportunityId}"]`);
      await row.waitFor(POLL);
      expect(await row.innerText()).toContain("Hidden · reveals in 31h");
      expect(await row.getByRole("link").innerText()).toBe("Hidden client");
      await row.getByRole("link").click();
      const section = page.getByRole("region", { name: "Marketplace" });
      await section.waitFor(POLL);
      await expect
        .poll(() => section.innerText(), POLL)
        .toContain("Hidden until the client reacts");
      const text = await section.innerText();
      expect(text).toMatch(/The marketplace reminds the client in 7h (29|30)m/);
      expect(text).toMatch(/Revealed automatically in 31h (29|30)m/);
      // A seller's settings carry no connectors (administration): the key names the marketplace.
      expect(text).toContain(connector.key);
      expect(await page.getByRole("link", { name: "Join the meeting" }).count()).toBe(0);
      const hiddenHtml = await pageHtml(page);
      for (const secret of SECRETS) expect(hiddenHtml).not.toContain(secret);
      expect(await seriousViolations(page)).toEqual([]);

      await postEvent(connector, {
        id: `evt-${randomUUID()}`,
        type: "client-accepted",
        applicationId,
      });
      await page.reload();
      await page.getByRole("region", { name: "Marketplace" }).waitFor(POLL);
      await expect
        .poll(() => page.getByRole("region", { name: "Marketplace" }).innerText(), POLL)
        .toContain("Revealed: the client accepted");
      await expect.poll(() => page.getByText("Beatriz Solano").count(), POLL).toBeGreaterThan(0);
      const meeting = page.getByRole("link", { name: "Join the meeting" });
      expect(await meeting.getAttribute("href")).toBe(MEETING_URL);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  },
);
