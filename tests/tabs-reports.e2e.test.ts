import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { seriousViolations } from "./support/axe.js";
import { hasChromium } from "./support/browser.js";
import { devToken, startTabsApp, type TabsApp } from "./support/tabs-app.js";

type SourcesReport = { total: { count: number }; sources: { source: string; count: number }[] };
type DiscardedPage = { items: { reason: string }[]; nextCursor: string | null };

let app: TabsApp | undefined;

/** What the API answers Marta, to cross-check the figures on screen. */
const apiGet = async <T>(path: string): Promise<T> => {
  if (!app) throw new Error("not started");
  const token = await devToken(app.host.url, DEMO_USERS.marta.id);
  const response = await fetch(`${app.host.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await response.json()) as T;
};

/** The discards of the view's default period, the last 30 days. */
const discardedLast30Days = () =>
  apiGet<DiscardedPage>(
    `/api/contacts/discarded?limit=200&from=${new Date(Date.now() - 30 * 86_400_000).toISOString()}`,
  );

/** Marta's Reports view with its charts loaded. */
const openReports = async (options: { bypassCSP?: boolean } = {}) => {
  if (!app) throw new Error("not started");
  const signedIn = await app.signIn("Marta Díaz", options);
  const { page } = signedIn;
  await page.getByRole("navigation").getByRole("link", { name: "Reports", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
  await page.getByRole("region", { name: "Conversions by source" }).waitFor();
  return signedIn;
};

const openDiscarded = async (page: Page) => {
  await page.getByRole("tab", { name: "Discarded contacts" }).click();
  await page.getByRole("table", { name: /Discarded contacts/ }).waitFor();
};

// The managers' reports in Chromium on the seeded demo tenant, under the tabs' real CSP.
describe.skipIf(!hasChromium)("the Reports view in Chromium (needs /usr/bin/chromium)", () => {
  beforeAll(async () => {
    app = await startTabsApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("a manager sees the charts with the API's numbers and exports the discarded contacts", async () => {
    const { page, cspViolations } = await openReports();
    const report = await apiGet<SourcesReport>("/api/reports/sources");
    const discarded = await discardedLast30Days();
    const [top] = report.sources;
    if (!top) throw new Error("the demo tenant has no opportunities in the last 30 days");

    await page.getByText(`${report.total.count} opportunities received in the period`).waitFor();
    const conversions = page.getByRole("table", { name: "Conversions by source (table)" });
    // The biggest source first, its received count as the API counts it.
    const firstRow = conversions.getByRole("row").nth(1).getByRole("cell");
    expect(await firstRow.nth(1).textContent()).toBe(String(top.count));
    const chart = page
      .getByRole("region", { name: "Conversions by source" })
      .getByRole("img", { name: /Conversions by source/ });
    expect(await chart.getAttribute("aria-label")).toContain(`(${top.count}): Won:`);
    const owners = page.getByRole("table", { name: "Time to first contact by owner (table)" });
    await owners.getByRole("cell", { name: "Ana García" }).waitFor();
    await page
      .getByRole("table", { name: "Discard reasons (table)" })
      .getByRole("cell", { name: "Spam or fake" })
      .waitFor();

    await openDiscarded(page);
    const rows = page
      .getByRole("table", { name: /Discarded contacts/ })
      .getByRole("row")
      .filter({ has: page.getByRole("cell") });
    expect(discarded.items.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(discarded.items.length);
    const link = rows.first().getByRole("link");
    expect(await link.getAttribute("href")).toMatch(/^#\/opportunities\/.+/);
    const contact = (await link.textContent()) ?? "";

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^discarded-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "discardedAt,contactName,email,phone,company,title,source,campaign,reason,reasonText,ownerId,ownerName",
    );
    expect(lines).toHaveLength(discarded.items.length + 1);
    expect(lines[1]).toContain(contact);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("filters the discarded contacts by reason, and the export follows the filter", async () => {
    const { page } = await openReports();
    const noBudget = (await discardedLast30Days()).items.filter((i) => i.reason === "no-budget");
    expect(noBudget.length).toBeGreaterThan(0);
    await openDiscarded(page);
    await page.getByRole("combobox", { name: "Reason" }).selectOption({ label: "No budget" });
    const table = page.getByRole("table", {
      name: new RegExp(`Discarded contacts: ${noBudget.length} shown`),
    });
    await table.waitFor();
    expect(await table.getByRole("cell", { name: "No budget" }).count()).toBe(noBudget.length);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const lines = (await readFile(await download.path(), "utf8")).trimEnd().split("\r\n");
    expect(lines).toHaveLength(noBudget.length + 1);
    expect(lines[1]).toContain(",no-budget,");
    await page.close();
  });

  it("has no serious or critical axe violation on the charts and the discarded list", async () => {
    // The page bypasses the CSP only so that axe can be injected.
    const { page } = await openReports({ bypassCSP: true });
    expect(await seriousViolations(page)).toEqual([]);

    await openDiscarded(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
