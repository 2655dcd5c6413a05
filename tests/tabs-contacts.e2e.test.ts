import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;

// Issue 19 end to end, as Ana (a seller) in Chromium: she edits what was typed, adds the CFO
// who joined the call as a new contact, then finds and classifies him in Contacts.
describe.skipIf(!hasChromium)(
  "contacts and editing an opportunity (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    it("edits title and value, adds a new contact as participant, finds and classifies them", async () => {
      if (!app) throw new Error("not started");
      const { page } = await app.signIn("Ana García", { bypassCSP: true });
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      await page
        .getByRole("table", { name: /First contact/ })
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .first()
        .getByRole("link")
        .click();
      const heading = page.getByRole("heading", { level: 1 });
      await heading.waitFor();

      // Edit: title and value, saved against the version shown.
      const title = `Rebrand ${randomUUID().slice(0, 6)}`;
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      let dialog = page.getByRole("dialog", { name: "Edit opportunity" });
      await dialog.getByRole("textbox", { name: "Title", exact: true }).fill(title);
      await dialog.getByRole("textbox", { name: "Value", exact: true }).fill("15000");
      await dialog.getByRole("textbox", { name: "Currency" }).fill("EUR");
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await expect.poll(() => heading.textContent()).toBe(title);
      const facts = page.getByRole("region", { name: "Opportunity", exact: true });
      await expect.poll(() => facts.textContent()).toMatch(/15[,.]?000/);

      // A new person as an Other participant, in one step.
      const cfo = `Raúl Soto ${randomUUID().slice(0, 4)}`;
      const participants = page.getByRole("region", { name: "Other participants" });
      await participants.getByRole("button", { name: "New contact" }).click();
      dialog = page.getByRole("dialog", { name: "New participant" });
      await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(cfo);
      await dialog
        .getByRole("textbox", { name: "Email", exact: true })
        .fill(`${randomUUID().slice(0, 8)}@soto.example`);
      await dialog.getByRole("textbox", { name: "Company" }).fill("Soto SL");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await participants.getByRole("listitem").filter({ hasText: cfo }).waitFor();

      // Contacts: find him, see he is not classified yet, classify him from his profile.
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "Contacts", exact: true })
        .click();
      await page.getByRole("searchbox", { name: /Search contacts/ }).fill(cfo);
      const list = page.getByRole("list", { name: "Contacts" });
      const row = list.getByRole("listitem").filter({ hasText: cfo });
      await row.getByText("Not classified").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await row.getByRole("button", { name: cfo }).click();
      dialog = page.getByRole("dialog", { name: `Profile of ${cfo}` });
      await dialog.getByRole("link", { name: title }).waitFor();
      await dialog
        .getByRole("combobox", { name: /Classification/ })
        .selectOption({ label: "Promising" });
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await row.getByText("Promising").waitFor();
    });
  },
);
