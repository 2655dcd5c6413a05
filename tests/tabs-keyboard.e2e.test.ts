import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium } from "./support/browser.js";
import { startTabsApp, type TabsApp } from "./support/tabs-app.js";

let app: TabsApp | undefined;

/** The focused element as the accessibility tree names it, e.g. `button "Ana García"`. */
const focused = async (page: Page): Promise<string> => {
  const focus = page.locator(":focus");
  if ((await focus.count()) === 0) return "";
  return (await focus.first().ariaSnapshot()).split("\n")[0]?.replace(/^- /, "") ?? "";
};

/** Presses `key` until the focused element matches, as a keyboard user looks for a control. */
const pressUntil = async (page: Page, key: string, wanted: RegExp, most = 80) => {
  const seen: string[] = [];
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted.test(now)) return;
    seen.push(now);
  }
  throw new Error(`${key} never reached ${wanted}; focus went through: ${seen.join(" | ")}`);
};

// A seller does the day's main flow with the keyboard alone: sign in, open the first-contact
// queue, mark the newest lead Ready for proposal, then complete the proposal task in the
// Agenda. Every control on the way must be reachable and operable without a mouse.
describe.skipIf(!hasChromium)("the tabs with the keyboard only (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a seller signs in, marks a lead Ready for proposal and completes the proposal task", async () => {
    if (!app) throw new Error("not started");
    const { page, cspViolations } = await app.open();
    await page.getByRole("button", { name: "Ana García" }).waitFor();
    await pressUntil(page, "Tab", /^button "Ana García/);
    await page.keyboard.press("Enter");
    await page.getByText("Local mode").waitFor();

    // The navigation is one tab stop; arrows move between its items, Enter opens one.
    await pressUntil(page, "Tab", /^link "Agenda"/);
    await pressUntil(page, "ArrowDown", /^link "First contact"/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "First contact", level: 1 }).waitFor();
    const rows = page
      .getByRole("table", { name: /First contact/ })
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const contact =
      (await rows.first().getByRole("cell").nth(1).getByRole("link").textContent()) ?? "";

    await pressUntil(page, "Tab", /^button "Ready for proposal"/);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // Focus moved into the dialog: typing fills its first field.
    expect(await focused(page)).toMatch(/^textbox "Needs/);
    await page.keyboard.type("A CRM for 12 sellers");
    await pressUntil(page, "Tab", /^button "Save"/);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    // Gone once the server answered and the queue reloaded: Playwright waits for that as long
    // as its actions do (expect.poll gave up after 1 s, too short on a loaded runner).
    await rows.filter({ hasText: contact }).first().waitFor({ state: "detached" });

    // Back to the navigation (Shift+Tab), up to the Agenda.
    await pressUntil(page, "Shift+Tab", /^link "First contact"/);
    await pressUntil(page, "ArrowUp", /^link "Agenda"/);
    await page.keyboard.press("Enter");
    const task = page
      .getByRole("listitem")
      .filter({ hasText: `Send proposal: ${contact}` })
      .first();
    await task.waitFor();
    await task.getByRole("button", { name: "Complete" }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    // A radio group is one tab stop; the arrows move and check.
    await pressUntil(page, "Tab", /^radio "Leave blank"/);
    await pressUntil(page, "ArrowDown", /^radio "Promising" \[checked\]/);
    await pressUntil(page, "Tab", /^button "Save"/);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await page
      .getByRole("listitem")
      .filter({ hasText: `Send proposal: ${contact}` })
      .first()
      .waitFor({ state: "detached" });

    // Escape closes a dialog without saving.
    await page
      .getByRole("navigation")
      .getByRole("link", { name: "First contact", exact: true })
      .click();
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await pressUntil(page, "Tab", /^button "Discard"/);
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});
