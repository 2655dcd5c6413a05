import { existsSync, readdirSync, statSync } from "node:fs";
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

/** Builds the tabs with vite when tabs/dist is missing or older than a source file. */
export const ensureTabsBuilt = async (): Promise<void> => {
  const built = path.join(TABS_DIST, "index.html");
  const sources = ["src", "index.html", "vite.config.ts"].map((name) => path.join(TABS_ROOT, name));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) {
    return;
  }
  const { build } = await import("vite");
  await build({ configFile: path.join(TABS_ROOT, "vite.config.ts"), logLevel: "warn" });
};
