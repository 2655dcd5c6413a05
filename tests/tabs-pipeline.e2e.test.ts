import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { devToken, type SignedInPage, startTabsApp, type TabsApp } from "./support/tabs-app.js";

type Item = { id: string; stage: string; ownerId: string | null; contact: { name: string } };

let app: TabsApp | undefined;
// The machine running the suite is shared: give the board's reads time.
const POLL = { timeout: 20_000 };

const started = (): TabsApp => {
  if (!app) throw new Error("not started");
  return app;
};

/** Everything a demo user may see in one stage of the Sales pipeline, as the API says. */
const stageAsApi = async (userId: string, stage: string): Promise<Item[]> => {
  const { url } = started().host;
  const token = await devToken(url, userId);
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ view: "all", pipeline: "sales", stage, limit: "200" });
    if (cursor) query.set("cursor", cursor);
    const response = await fetch(`${url}/api/opportunities?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const page = (await response.json()) as { items: Item[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
};

const column = (page: Page, stage: string): Locator =>
  page.getByRole("region", { name: "Sales: board by stage" }).getByRole("region", { name: stage });

const cardNames = async (scope: Locator): Promise<string[]> =>
  (await scope.getByRole("article").getByRole("link").allTextContents()).sort();

const openPipeline = async (page: Page): Promise<void> => {
  await page.getByRole("navigation").getByRole("link", { name: "Pipeline", exact: true }).click();
  await page.getByRole("region", { name: "Sales: board by stage" }).waitFor();
  // Every column has read its cards once its loading skeleton is gone.
  await expect
    .poll(() => page.getByRole("progressbar", { name: "Loading…" }).count(), POLL)
    .toBe(0);
};

describe.skipIf(!hasChromium)("the Pipeline view in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a manager sees the opportunities by stage and moves one with the keyboard; it stays after reload", async () => {
    const { page, cspViolations }: SignedInPage = await started().signIn("Marta Díaz");
    await openPipeline(page);
    const marta = DEMO_USERS.marta.id;
    for (const [stage, name] of [
      ["proposal", "Proposal"],
      ["negotiation", "Negotiation"],
    ] as const) {
      const expected = (await stageAsApi(marta, stage)).map((item) => item.contact.name).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(await cardNames(column(page, name))).toEqual(expected);
    }

    const card = column(page, "Proposal").getByRole("article").first();
    const contact = (await card.getByRole("link").textContent()) ?? "";
    await card.getByRole("button", { name: "Move to" }).focus();
    await page.keyboard.press("Enter");
    const target = page.getByRole("menuitem", { name: "Negotiation" });
    await target.waitFor();
    for (
      let step = 0;
      step < 6 && !(await target.evaluate((el) => el.ownerDocument.activeElement === el));
      step++
    ) {
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    await expect
      .poll(
        () =>
          // The success is a toast (with Undo), announced by the toaster's live region.
          page.getByText(`${contact} moved to Negotiation.`, { exact: true }).count(),
        POLL,
      )
      .toBe(1);

    await page.reload();
    await page.getByRole("region", { name: "Sales: board by stage" }).waitFor();
    await expect
      .poll(() => page.getByRole("progressbar", { name: "Loading…" }).count(), POLL)
      .toBe(0);
    expect(await cardNames(column(page, "Negotiation"))).toContain(contact);
    expect(await cardNames(column(page, "Proposal"))).not.toContain(contact);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("switches to the list, keeps it on reload, and a card's Back returns to it", async () => {
    const { page } = await started().signIn("Marta Díaz");
    await openPipeline(page);
    await page.getByRole("button", { name: "List" }).click();
    const table = page.getByRole("table", { name: /^Sales: \d+ opportunities by stage$/ });
    await table.waitFor();
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    expect(await rows.count()).toBeGreaterThan(10);

    await page.reload();
    await table.waitFor();
    const first = rows.first().getByRole("link");
    const contact = (await first.textContent()) ?? "";
    await first.click();
    await page.getByRole("button", { name: "Back" }).click();
    await table.waitFor();
    await expect.poll(() => table.getByRole("link", { name: contact }).count(), POLL).toBe(1);
    expect(page.url()).toContain("layout=list");
    await page.close();
  });

  it("a seller sees only what they own or follow, and no owner filter", async () => {
    const { page } = await started().signIn("Ana García");
    await openPipeline(page);
    const ana = DEMO_USERS.ana.id;
    for (const [stage, name] of [
      ["new", "New"],
      ["proposal", "Proposal"],
      ["negotiation", "Negotiation"],
    ] as const) {
      const shown = await cardNames(column(page, name));
      const hers = (await stageAsApi(ana, stage)).map((item) => item.contact.name).sort();
      const all = await stageAsApi(DEMO_USERS.marta.id, stage);
      expect(shown).toEqual(hers);
      // The demo shares opportunities with Luis that Ana does not follow: they stay hidden.
      expect(all.length).toBeGreaterThan(hers.length);
    }
    expect(await page.getByRole("combobox", { name: "Owner" }).count()).toBe(0);
    await page.close();
  });

  it.each(["Marta Díaz", "Ana García"])(
    "has no serious accessibility issue on board and list (%s)",
    async (name) => {
      const { page } = await started().signIn(name, { bypassCSP: true });
      await openPipeline(page);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "List" }).click();
      await page.getByRole("table", { name: /^Sales: \d+ opportunities by stage$/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );
});
