import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

/** A demo client who is not on the opportunity yet (CONTRACTS.md's demo tenant). */
const CANDIDATES = ["Irene Blanco", "Hugo Morel", "Grace Kim"];

let app: TabsApp | undefined;

// SPEC §4.1 and §4.3 end to end, as Ana (a seller) works one of her opportunities in Chromium.
describe.skipIf(!hasChromium)(
  "the detail's roles, tasks and profile (needs /usr/bin/chromium)",
  () => {
    beforeAll(async () => {
      app = await startTabsApp();
    });
    afterAll(async () => {
      await app?.close();
    });

    it("adds and promotes a participant, adds and removes a follower, completes a task, classifies", async () => {
      if (!app) throw new Error("not started");
      const { page } = await app.signIn("Ana García", { bypassCSP: true });
      await page
        .getByRole("navigation")
        .getByRole("link", { name: "First contact", exact: true })
        .click();
      const table = page.getByRole("table", { name: /First contact/ });
      await table
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .first()
        .getByRole("link")
        .click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      const contactRegion = page.getByRole("region", { name: "Contact", exact: true });
      const participants = page.getByRole("region", { name: "Other participants" });
      const followers = page.getByRole("region", { name: "Followers" });
      await contactRegion.waitFor();
      const oldContact =
        (await contactRegion.locator("#detail-contact-name > :first-child").textContent()) ?? "";
      const onPage = (await page.locator("article").textContent()) ?? "";
      const newcomer = CANDIDATES.find((name) => !onPage.includes(name)) ?? "";

      expect(await seriousViolations(page)).toEqual([]);

      // Add a participant found by search, then make them the Contact.
      const search = participants.getByRole("combobox", { name: /Add participant/ });
      await search.pressSequentially(newcomer.split(" ")[0] ?? "");
      await page.getByRole("option", { name: new RegExp(newcomer) }).click();
      const item = (name: string): Locator =>
        participants.getByRole("listitem").filter({ hasText: name });
      await item(newcomer).waitFor();
      await item(newcomer).getByRole("button", { name: "Make Contact" }).click();
      await expect.poll(() => contactRegion.getByText(newcomer).count()).toBe(1);
      await expect.poll(() => item(oldContact).count()).toBe(1);
      expect(await item(newcomer).count()).toBe(0);

      // Luis follows, then no longer.
      // The picker searches the tenant's users (and the directory, with Graph) as one types.
      await followers
        .getByRole("combobox", { name: "User to add as follower" })
        .pressSequentially("Luis");
      await page
        .getByRole("listbox")
        .getByRole("option", { name: /Luis Romero/ })
        .click();
      await followers.getByRole("button", { name: "Add follower" }).click();
      const luis = followers.getByRole("listitem").filter({ hasText: "Luis Romero" });
      await luis.waitFor();
      await luis.getByRole("button", { name: "Remove" }).click();
      await expect.poll(() => luis.count()).toBe(0);

      // A task, added and completed with an outcome.
      const tasks = page.getByRole("region", { name: "Tasks" });
      await tasks.getByRole("button", { name: "Add task" }).click();
      let dialog = page.getByRole("dialog");
      await dialog.getByRole("combobox", { name: /Kind/ }).selectOption({ label: "Call" });
      await dialog.getByRole("textbox", { name: "Title" }).fill("Call about the budget");
      await dialog.getByLabel(/Due/).fill("2030-05-06T10:30");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      const toDo = tasks.getByRole("list", { name: "To do" });
      const budgetCall = toDo.getByRole("listitem").filter({ hasText: "Call about the budget" });
      await budgetCall.getByRole("button", { name: "Complete" }).click();
      dialog = page.getByRole("dialog");
      await dialog.getByRole("radio", { name: "Promising" }).check();
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      const over = tasks.getByRole("list", { name: "Done and cancelled" });
      const done = over.getByRole("listitem").filter({ hasText: "Call about the budget" });
      await expect.poll(() => done.getByText("Done: Promising").count()).toBe(1);
      // "Promising" schedules the contact's follow-up (SPEC §4.3).
      await expect.poll(() => toDo.getByText(/Follow-up/).count()).toBeGreaterThan(0);

      // The new Contact's profile: classified "Likely".
      await contactRegion.getByRole("button", { name: "Profile" }).click();
      dialog = page.getByRole("dialog", { name: `Profile of ${newcomer}` });
      await dialog.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const classification = dialog.getByRole("combobox", { name: /Classification/ });
      expect(await classification.inputValue()).toBe("promising");
      await classification.selectOption("likely");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      await contactRegion.getByRole("button", { name: "Profile" }).click();
      await expect
        .poll(() => dialog.getByRole("combobox", { name: /Classification/ }).inputValue())
        .toBe("likely");
      await page.close();
    });
  },
);
