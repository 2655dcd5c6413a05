import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorSignature } from "../functions/src/features/marketplace/index.js";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { devToken, startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;
let managerToken = "";
// The machine running the suite is shared: give the reads time.
const POLL = { timeout: 20_000 };

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${started().host.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${managerToken}`, ...init.headers },
  });

type Target = { id: string; name: string; level: string; active: boolean; userId: string | null };

const targetNamed = async (name: string): Promise<Target | undefined> => {
  const response = await api("/api/routing/targets");
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Target[] }).items.find((item) => item.name === name);
};

const openSettings = async (page: Page, tab: string, heading: string) => {
  await page.getByRole("navigation").getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByRole("tab", { name: tab, exact: true }).click();
  await page.getByRole("heading", { level: 2, name: heading }).waitFor();
};

const expectNoSeriousViolations = async (page: Page, where: string) =>
  expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });

// The routing catalog and the marketplace connectors of Settings, as the demo manager uses
// them in Debian's Chromium against the whole app. Pages bypass the CSP only for axe.
describe.skipIf(!hasChromium)("routing targets and connectors in Settings (needs Chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
    managerToken = await devToken(app.host.url, DEMO_USERS.marta.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the manager adds a target linked to Ana, changes its level and deactivates it", async () => {
    const { page } = await started().signIn("Marta Díaz", { bypassCSP: true });
    await openSettings(page, "Routing targets", "Routing targets");
    // The demo tenant's catalog (Ana, Luis and a partner agency).
    await page.getByRole("row").filter({ hasText: "Estudio Norte" }).waitFor(POLL);
    await expectNoSeriousViolations(page, "routing targets");

    const name = `Ana García web ${randomUUID().slice(0, 6)}`;
    await page.getByRole("button", { name: "Add routing target" }).click();
    const add = page.getByRole("dialog", { name: "Add routing target" });
    await add.getByRole("textbox", { name: "Name" }).fill(name);
    await add.getByRole("combobox", { name: "Type" }).selectOption("internal");
    await add.getByRole("textbox", { name: "Primary language" }).fill("es");
    await add.getByRole("textbox", { name: "Other languages" }).fill("en, fr");
    await add.getByRole("textbox", { name: "Services" }).fill("web design, seo");
    await add.getByRole("combobox", { name: "Linked user" }).selectOption({ label: "Ana García" });
    await expectNoSeriousViolations(page, "add target dialog");
    await add.getByRole("button", { name: "Save" }).click();
    await add.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({ hasText: `${name} added.` })
      .waitFor(POLL);
    const row = page.getByRole("row").filter({ hasText: name });
    expect(await row.innerText()).toContain("es (primary), en, fr");
    expect(await targetNamed(name)).toMatchObject({
      level: "none",
      active: true,
      userId: DEMO_USERS.ana.id,
    });

    await page.getByRole("button", { name: `Edit ${name}` }).click();
    const edit = page.getByRole("dialog", { name: `Edit routing target ${name}` });
    await edit.getByRole("combobox", { name: "Level" }).selectOption({ label: "Gold" });
    await expectNoSeriousViolations(page, "edit target dialog");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await page
      .getByRole("status")
      .filter({ hasText: `${name} saved.` })
      .waitFor(POLL);
    expect((await targetNamed(name))?.level).toBe("gold");

    await page.getByRole("button", { name: `Reviews of ${name}` }).click();
    const reviews = page.getByRole("dialog", { name: `Reviews of ${name}` });
    await reviews.getByText("No reviews yet.").waitFor(POLL);
    await expectNoSeriousViolations(page, "reviews dialog");
    await reviews.getByRole("button", { name: "Close" }).click();
    await reviews.waitFor({ state: "hidden" });

    await page.getByRole("button", { name: `Deactivate ${name}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `${name} deactivated` })
      .waitFor(POLL);
    expect(await row.innerText()).toContain("Inactive");
    expect((await targetNamed(name))?.active).toBe(false);
    await page.getByRole("button", { name: `Reactivate ${name}` }).waitFor();
    await page.close();
  });

  it("the manager adds a marketplace connector whose new secret signs accepted events", async () => {
    const { page } = await started().signIn("Marta Díaz", { bypassCSP: true });
    await openSettings(page, "Marketplace connectors", "Marketplace connectors");
    await expectNoSeriousViolations(page, "marketplaces");

    await page.getByRole("button", { name: "Add marketplace" }).click();
    const add = page.getByRole("dialog", { name: "Add marketplace" });
    await add.getByRole("textbox", { name: "Marketplace name" }).fill("Workana");
    const key = await add.getByRole("textbox", { name: "Key" }).inputValue();
    expect(key).toMatch(/^workana-[0-9a-f]{4}$/);
    await add.getByRole("spinbutton", { name: /Client reminder/ }).fill("12");
    await add.getByRole("spinbutton", { name: /Automatic reveal/ }).fill("36");
    await add.getByRole("combobox", { name: "Pipeline" }).selectOption({ label: "Sales" });
    await expectNoSeriousViolations(page, "add connector dialog");
    await add.getByRole("button", { name: "Save" }).click();
    await add.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor(POLL);
    const settings = (await (await api("/api/settings")).json()) as { marketplaces: unknown[] };
    expect(settings.marketplaces).toContainEqual({
      key,
      name: "Workana",
      pipelineId: "sales",
      reminderMinutes: 720,
      revealMinutes: 2160,
      hasSecret: false,
    });

    // No secret yet: nothing can break, so the first one is made without asking.
    await page.getByRole("button", { name: "Rotate secret of Workana" }).click();
    const shown = page.getByRole("alertdialog", { name: "Signing secret of Workana" });
    await shown.getByText("you will not see it again").waitFor(POLL);
    const secret = await shown.getByRole("textbox", { name: "Secret" }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await shown.getByRole("textbox", { name: "Events address" }).inputValue()).toBe(
      `${started().host.url}/api/marketplace/${key}/events`,
    );
    await expectNoSeriousViolations(page, "secret dialog");
    await shown.getByRole("button", { name: "Close" }).click();
    await shown.waitFor({ state: "hidden" });
    expect(await page.content()).not.toContain(secret);

    // The marketplace signs `timestamp.body` with the secret it was shown.
    const body = JSON.stringify({
      id: `evt-${randomUUID()}`,
      type: "application-submitted",
      applicationId: `app-${randomUUID().slice(0, 8)}`,
      title: "New brand identity",
      client: { name: "Irene Calvo" },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const event = await fetch(`${started().host.url}/api/marketplace/${key}/events`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Dealflow-Timestamp": timestamp,
        "X-Dealflow-Signature": connectorSignature(secret, timestamp, Buffer.from(body)),
      },
      body,
    });
    expect(event.status, await event.clone().text()).toBe(201);
    expect(((await event.json()) as { visibility: string }).visibility).toBe("hidden");

    // Now a secret is in use: replacing it asks first.
    await page
      .getByRole("row")
      .filter({ hasText: key })
      .getByRole("cell", { name: "Secret set" })
      .waitFor(POLL);
    await page.getByRole("button", { name: "Rotate secret of Workana" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Create a new secret for Workana?" });
    await confirm.waitFor(POLL);
    await expectNoSeriousViolations(page, "confirm rotation dialog");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "hidden" });
    await page.close();
  });
});
