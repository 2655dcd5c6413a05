import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { opportunityPrefixes } from "../../functions/src/storage/rows/opportunity.rows.js";
import { ensureTabsBuilt, launchChromium, TABS_DIST } from "../support/browser.js";
import { type BenchApiHost, startBenchApiHost } from "./api-host.js";
import { loadLeads } from "./bench-data.js";
import { type BenchCase, fixed } from "./bench-kit.js";

const LARGE = 1_000;
const SMALL = 50;
const ROUNDS = 7;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

type Timings = { firstRowMs: number; allRowsMs: number };

/**
 * Opens the tab at `#/first-contact` in a fresh browser context (cold cache, as a user opening
 * Teams) signed in with `token`, and reads, from the page's own clock (navigation start = 0),
 * when the newest lead is on screen and when the table holds all `count` rows.
 */
const openQueue = async (
  browser: Browser,
  host: BenchApiHost,
  token: string,
  count: number,
): Promise<Timings> => {
  // bypassCSP: the timing probes below are evaluated in the page, which the tab's CSP forbids.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    bypassCSP: true,
  });
  try {
    // Page-side code is passed as text: the tests' TypeScript has no DOM types.
    await context.addInitScript(
      `sessionStorage.setItem("dealflow.devToken", ${JSON.stringify(token)})`,
    );
    const page = await context.newPage();
    await page.goto(`${host.url}/#/first-contact`);
    const firstRow = await page.waitForFunction(
      `[...document.querySelectorAll("tbody tr")].some((row) =>
        row.textContent.includes("Lead 0 Example")) && performance.now()`,
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    const allRows = await page.waitForFunction(
      `document.querySelector('table[aria-rowcount="${count + 1}"]') !== null &&
        !document.body.textContent.includes("Loading more") && performance.now()`,
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    return {
      firstRowMs: (await firstRow.jsonValue()) as number,
      allRowsMs: (await allRows.jsonValue()) as number,
    };
  } finally {
    await context.close();
  }
};

/**
 * The first-contact queue in Debian's Chromium, 1,000 rows against 50, alternating: the tab
 * shows the first page while it reads the rest, and renders only the visible rows, so the
 * first row should cost about the same at either size and the whole list grow with the reads.
 */
export const tabsQueueRender: BenchCase = {
  name: "tabs-queue-render",
  async run(ctx) {
    ctx.log("building the tabs when stale");
    await ensureTabsBuilt();
    const store = await ctx.newStore();
    const now = new Date();
    const kept = ["opp|", opportunityPrefixes.firstContact()];
    const large = randomUUID();
    const small = randomUUID();
    ctx.log(`loading ${LARGE} + ${SMALL} opportunities`);
    await loadLeads(store, large, LARGE, now, kept);
    await loadLeads(store, small, SMALL, now, kept);
    const host = await startBenchApiHost(store, { siteRoot: TABS_DIST });
    const browser = await launchChromium();
    try {
      const tokenLarge = await host.tokenFor({
        tenantId: large,
        userId: randomUUID(),
        manager: true,
      });
      const tokenSmall = await host.tokenFor({
        tenantId: small,
        userId: randomUUID(),
        manager: true,
      });
      // One unmeasured open of each: Chromium's own start-up and the host's first requests.
      await openQueue(browser, host, tokenSmall, SMALL);
      await openQueue(browser, host, tokenLarge, LARGE);
      const largeRuns: Timings[] = [];
      const smallRuns: Timings[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        smallRuns.push(await openQueue(browser, host, tokenSmall, SMALL));
        largeRuns.push(await openQueue(browser, host, tokenLarge, LARGE));
      }
      const row = (label: string, pick: (timings: Timings) => number) => {
        const subject = median(largeRuns.map(pick));
        const baseline = median(smallRuns.map(pick));
        return [label, fixed(subject, 0), fixed(baseline, 0), fixed(subject / baseline)];
      };
      return {
        title: `Tabs: first-contact queue of ${LARGE.toLocaleString("en")} rows in Chromium`,
        description: `The tab opened at \`#/first-contact\` as a manager (fresh browser context: cold cache, JS downloaded, dev token, \`/api/me\`, settings and users read), timed by the page's clock from navigation start, against the same queue of ${SMALL} rows; median of ${ROUNDS} alternating opens each.`,
        headers: ["measurement", `${LARGE} rows (ms)`, `${SMALL} rows (ms)`, "ratio"],
        rows: [
          row("newest lead on screen", (timings) => timings.firstRowMs),
          row("every row in the table (all pages read)", (timings) => timings.allRowsMs),
        ],
        notes: [
          "The queue reads pages of 200 and shows the first at once; rows past the first 100 are virtualized (only those in view are in the DOM, with aria-rowcount telling assistive technology the real size). The first ratio is the price of the larger queue before the user sees anything; the second grows with the five page reads on Azurite.",
        ],
      };
    } finally {
      await browser.close();
      await host.close();
    }
  },
};
