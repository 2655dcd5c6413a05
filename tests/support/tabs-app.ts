import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { inject } from "vitest";
import { answersLoopbackOnly } from "../../functions/src/config/loopback-only.js";
import { createFunctions } from "../../functions/src/create-functions.js";
import { seedDemoTenantIfEmpty } from "../../functions/src/seed/seed-demo-tenant.js";
import { createTableStorage } from "../../functions/src/storage/table-storage.js";
import { type RunningLocalHost, startLocalHost } from "../../host/src/local-host.js";
import { ensureTabsBuilt, launchChromium, TABS_DIST } from "./browser.js";
import { createTestAppDeps } from "./test-app-deps.js";

export type TabsApp = {
  host: RunningLocalHost;
  browser: Browser;
  /** Opens the tabs in a new page, signs in as a demo user and waits for the Local mode banner. */
  signIn(name: string, options?: PageOptions): Promise<SignedInPage>;
  /** Opens the tabs at the sign-in page, signed in as nobody. */
  open(options?: PageOptions): Promise<SignedInPage>;
  close(): Promise<void>;
};

export type PageOptions = {
  /** Only for tests that inject scripts (axe-core): the tabs' CSP forbids inline scripts. */
  bypassCSP?: boolean;
  /** The browser's preference; outside Teams the tab follows it (dark, forced colours). */
  colorScheme?: "light" | "dark";
  forcedColors?: "active" | "none";
  viewport?: { width: number; height: number };
  /** Appended to the host's URL, e.g. `/?theme=contrast`. */
  path?: string;
};

export type SignedInPage = {
  page: Page;
  /** Console messages of the page that report a Content-Security-Policy violation. */
  cspViolations: string[];
};

/**
 * The whole app as `npm start` serves it (dev auth, a fresh demo tenant, built tabs at /), on
 * the test run's Azurite, or on `connectionString`'s outside Vitest (the screenshots script).
 */
export const startTabsApp = async (
  options: { connectionString?: string } = {},
): Promise<TabsApp> => {
  await ensureTabsBuilt();
  const storage = createTableStorage({
    connectionString: options.connectionString ?? inject("storageConnectionString"),
    tablePrefix: `t${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  const deps = createTestAppDeps({ storage });
  await seedDemoTenantIfEmpty(storage, new Date());
  const host = await startLocalHost({
    definitions: createFunctions(deps).filter((definition) => definition.trigger === "http"),
    host: "127.0.0.1",
    port: 0,
    timers: "off",
    storageConnectionString: storage.config.connectionString,
    siteRoot: TABS_DIST,
    clock: () => new Date(),
    log: { info: () => {}, warn: () => {}, error: () => {} },
    loopbackOnly: answersLoopbackOnly(deps.config),
  });
  const browser = await launchChromium();

  const open = async (options: PageOptions = {}): Promise<SignedInPage> => {
    const context = await browser.newContext({
      bypassCSP: options.bypassCSP ?? false,
      colorScheme: options.colorScheme ?? "light",
      forcedColors: options.forcedColors ?? "none",
      viewport: options.viewport ?? { width: 1280, height: 720 },
    });
    // Loopback only: teams-js asks res.cdn.office.net for its valid domains and copes without.
    await context.route("**/*", (route) =>
      route.request().url().startsWith(host.url) ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(`${host.url}${options.path ?? ""}`);
    return { page, cspViolations };
  };

  const signIn = async (name: string, options: PageOptions = {}): Promise<SignedInPage> => {
    const opened = await open(options);
    await opened.page.getByRole("button", { name }).click();
    await opened.page.getByText("Local mode").waitFor();
    return opened;
  };

  return {
    host,
    browser,
    signIn,
    open,
    async close() {
      await browser.close();
      await host.close();
    },
  };
};

/** A bearer token of a demo user (`DEMO_USERS`), from the dev route of CONTRACTS.md. */
export const devToken = async (baseUrl: string, userId: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/api/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { token: string }).token;
};
