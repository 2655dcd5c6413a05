import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { devToken, startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;
let managerToken = "";

const getJson = async <T>(path: string): Promise<T> => {
  if (!app) throw new Error("not started");
  const response = await fetch(`${app.host.url}${path}`, {
    headers: { Authorization: `Bearer ${managerToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

const openSettings = async (page: Page, section: string) => {
  await page.getByRole("navigation").getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
  await page.getByRole("tab", { name: section, exact: true }).click();
};

// The managers' Settings view and CSV import, in Debian's Chromium against the whole app
// (dev auth, demo tenant). The manager's pages bypass the CSP only so that axe can be injected.
describe.skipIf(!hasChromium)("the Settings view in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
    managerToken = await devToken(app.host.url, DEMO_USERS.marta.id);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a seller has no Settings in the navigation", async () => {
    if (!app) throw new Error("not started");
    const { page } = await app.signIn("Ana García");
    await page.getByRole("navigation").getByRole("link", { name: "Agenda", exact: true }).waitFor();
    expect(
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "Settings", exact: true })
        .count(),
    ).toBe(0);
    await page.close();
  });

  it("the manager changes the first-contact target and saves it", async () => {
    if (!app) throw new Error("not started");
    const { page } = await app.signIn("Marta Díaz", { bypassCSP: true });
    await openSettings(page, "Durations");
    const target = page.getByRole("spinbutton", { name: "First-contact target" });
    await expect.poll(() => target.inputValue()).toBe("15");
    expect(await seriousViolations(page)).toEqual([]);

    await target.fill("30");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();

    const saved = await getJson<{ durations: { firstContactTargetMinutes: number } }>(
      "/api/settings",
    );
    expect(saved.durations.firstContactTargetMinutes).toBe(30);
    await page.close();
  });

  it("every section passes axe; a new intake form is saved and shows its secret once", async () => {
    if (!app) throw new Error("not started");
    const { page } = await app.signIn("Marta Díaz", { bypassCSP: true });
    await openSettings(page, "Durations");
    const sections: [string, string][] = [
      ["Discard reasons", "Discard reasons"],
      ["Sources", "Sources"],
      ["Sales stages", "Pipelines and stages"],
      ["Managers", "Managers"],
      ["Time zone and hours", "Time zone, language and working hours"],
      ["Intake forms", "Intake forms"],
    ];
    for (const [tab, heading] of sections) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();
      expect({ tab, violations: await seriousViolations(page) }).toEqual({ tab, violations: [] });
    }

    await page.getByRole("button", { name: "Add intake form" }).click();
    const dialog = page.getByRole("dialog", { name: "Add intake form" });
    await dialog.getByRole("textbox", { name: "Form name" }).fill("Trade fair leads");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
    await page.getByRole("button", { name: "Create secret for Trade fair leads" }).click();
    const secretDialog = page.getByRole("alertdialog", { name: "Secret of Trade fair leads" });
    await secretDialog.getByText("you will not see it again").waitFor();
    const secret = await secretDialog.getByRole("textbox", { name: "Secret" }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
    await secretDialog.getByRole("button", { name: "Close" }).click();
    await secretDialog.waitFor({ state: "hidden" });
    expect(await page.content()).not.toContain(secret);

    const settings = await getJson<{ intakeForms: { name: string; hasSecret: boolean }[] }>(
      "/api/settings",
    );
    expect(settings.intakeForms).toEqual([
      expect.objectContaining({ name: "Trade fair leads", hasSecret: true }),
    ]);
    expect(JSON.stringify(settings)).not.toContain(secret);
    await page.close();
  });

  it("the manager previews a CSV with a bad row, fixes it and imports the contacts", async () => {
    if (!app) throw new Error("not started");
    const { page } = await app.signIn("Marta Díaz", { bypassCSP: true });
    await openSettings(page, "Import");
    const surname = `Zq${randomUUID().slice(0, 8)}`;
    const csv = (email: string) =>
      `Name,E-mail,Company\nNora ${surname},nora.${surname}@example.com,Acme\nIvo ${surname},${email},Acme\n`;
    const choose = (text: string) =>
      page.getByLabel("CSV file").setInputFiles({
        name: "contacts.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(text),
      });

    await choose(csv("not-an-email"));
    const preview = page.getByRole("table", { name: "Import preview: 2 rows" });
    const bad = preview.getByRole("row", { name: /^3 Error/ });
    await bad.waitFor();
    expect(await bad.textContent()).toMatch(/email: /);
    const run = page.getByRole("button", { name: "Import", exact: true });
    expect(await run.isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await choose(csv(`ivo.${surname}@example.com`));
    await page.getByText("2 rows: 2 ready, 0 with errors.").waitFor();
    await run.click();
    await page.getByText("Imported 2 contacts from contacts.csv.").waitFor();

    const found = await getJson<{ items: { name: string; email: string | null }[] }>(
      `/api/contacts?q=${encodeURIComponent(surname)}`,
    );
    expect(found.items.map((contact) => contact.name).sort()).toEqual([
      `Ivo ${surname}`,
      `Nora ${surname}`,
    ]);
    await page.close();
  });
});
