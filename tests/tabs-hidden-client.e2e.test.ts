import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorSignature } from "../functions/src/api/marketplace/connector-signature.js";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { devToken, startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;
// The machine running the suite is shared: give the reads time.
const POLL = { timeout: 20_000 };
const HOUR = 3_600_000;

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

/** As a manager does it: a marketplace with 12 h / 36 h clocks and its signing secret. */
const configureConnector = async () => {
  const { url } = started().host;
  const auth = { Authorization: `Bearer ${await devToken(url, DEMO_USERS.marta.id)}` };
  const key = `e2e-${randomUUID().slice(0, 8)}`;
  const read = await fetch(`${url}/api/settings`, { headers: auth });
  const settings = (await read.json()) as { marketplaces: object[] };
  const connector = { key, name: "Workana", reminderMinutes: 12 * 60, revealMinutes: 36 * 60 };
  const saved = await fetch(`${url}/api/settings`, {
    method: "PUT",
    headers: {
      ...auth,
      "Content-Type": "application/json",
      "If-Match": read.headers.get("ETag") ?? "*",
    },
    body: JSON.stringify({ ...settings, marketplaces: [...settings.marketplaces, connector] }),
  });
  expect(saved.status).toBe(200);
  const rotated = await fetch(`${url}/api/settings/marketplaces/${key}/secret`, {
    method: "POST",
    headers: auth,
  });
  expect(rotated.status).toBe(201);
  return { key, secret: ((await rotated.json()) as { secret: string }).secret };
};

/** An application submitted `hoursAgo` for Ana, signed as the marketplace signs it. */
const applyFor = async (connector: { key: string; secret: string }, hoursAgo: number) => {
  const body = JSON.stringify({
    id: `evt-${randomUUID()}`,
    type: "application-submitted",
    applicationId: `app-${randomUUID().slice(0, 8)}`,
    appliedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    title: "Rebuild the online shop",
    client: { name: "Beatriz Solano", email: "beatriz.solano@hidden.example" },
    ownerId: DEMO_USERS.ana.id,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(`${started().host.url}/api/marketplace/${connector.key}/events`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Dealflow-Timestamp": timestamp,
      "X-Dealflow-Signature": connectorSignature(connector.secret, timestamp, Buffer.from(body)),
    },
    body,
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { opportunityId: string; visibility: string };
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
      await page.getByRole("tab", { name: "First contact" }).click();
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
