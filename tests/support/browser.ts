import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });

export const TABS_ROOT = fileURLToPath(new URL("../../tabs/", import.meta.url));
export const TABS_DIST = path.join(TABS_ROOT, "dist");

const newestMtime = (target: string): number => {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(target).map((name) => newestMtime(path.join(target, name))),
  );
};

const isBuilt = (): boolean => {
  const built = path.join(TABS_DIST, "index.html");
  const sources = ["src", "index.html", "vite.config.ts"].map((name) => path.join(TABS_ROOT, name));
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime));
};

// Browser test files run in parallel workers; one vite build at a time, or they empty each
// other's tabs/dist. A lock older than BUILD_LOCK_STALE_MS is left over from a killed run.
const BUILD_LOCK = path.join(
  tmpdir(),
  `dealflow-tabs-build-${createHash("sha256").update(TABS_ROOT).digest("hex").slice(0, 12)}.lock`,
);
const BUILD_LOCK_STALE_MS = 5 * 60_000;

const acquireBuildLock = async (): Promise<void> => {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      return;
    } catch {
      const age = Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > BUILD_LOCK_STALE_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
};

/** Builds the tabs with vite when tabs/dist is missing or older than a source file. */
export const ensureTabsBuilt = async (): Promise<void> => {
  if (isBuilt()) return;
  await acquireBuildLock();
  try {
    if (isBuilt()) return;
    const { build } = await import("vite");
    // Vitest sets NODE_ENV=test, and Vite builds for whatever NODE_ENV says: React's development
    // build and jsxDEV, several times slower, would land in tabs/dist for the browser tests,
    // the bench and the next `npm start` alike.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await build({ configFile: path.join(TABS_ROOT, "vite.config.ts"), logLevel: "warn" });
    } finally {
      // process.env turns undefined into "undefined": an unset variable is deleted instead.
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
};
