import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../host/src/azurite/azurite.js";
import { type BotHost, eventually, startBotHost } from "./support/bot-host.js";
import { hasChromium, launchChromium } from "./support/browser.js";

// The bot as a developer meets it: the whole app on loopback, the Microsoft 365 Agents
// Playground in front of it (its user is Marta, the demo manager, from the repo's
// .m365agentsplayground.yml), and Debian's Chromium typing into the Playground's chat.

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

let host: BotHost | undefined;
let playground: ChildProcess | undefined;
let playgroundOutput = "";
let browser: Browser | undefined;
let page: Page;

const startPlayground = async (botEndpoint: string, port: number) => {
  const child = spawn(
    path.join(REPO_ROOT, "node_modules/.bin/agentsplayground"),
    ["--disable-telemetry", "-c", "msteams", "-p", String(port)],
    {
      // The Playground reads .m365agentsplayground.yml from its working directory.
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        BOT_ENDPOINT: botEndpoint,
        TEAMSAPPTESTER_BROWSER: "none",
        // Its log goes to ./devTools/ by default: keep the working tree clean.
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmpdir(), `m365agentsplayground-${port}.log`),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const keep = (chunk: Buffer) => {
    playgroundOutput = (playgroundOutput + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return child;
};

/** Ready once its web UI answers on the port (polled; the process prints no fixed marker). */
const waitForHttp = (url: string, child: ChildProcess) =>
  eventually(async () => {
    if (child.exitCode !== null) {
      throw new Error(`the Playground exited (${child.exitCode}):\n${playgroundOutput}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return response.ok ? true : null;
    } catch {
      return null;
    }
  }, 60_000);

const stopPlayground = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  process.kill(child.pid, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
  }, 5_000);
  await exited;
  clearTimeout(timer);
};

/** Keeps a screenshot of the page in /tmp when a step fails, then fails with the step's error. */
const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    const file = path.join("/tmp", `playground-${name}-${Date.now()}.png`);
    await page?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw new Error(
      `${name} failed (screenshot: ${file}; Playground log tail:\n${playgroundOutput.slice(-2_000)})`,
      {
        cause: error,
      },
    );
  }
};

const say = async (text: string) => {
  const box = page.locator("[data-lexical-editor=true][role=textbox]");
  await box.click();
  await box.fill(text);
  await box.press("Enter");
};

describe("the bot in the Microsoft 365 Agents Playground", () => {
  beforeAll(async () => {
    if (!hasChromium) return;
    host = await startBotHost();
    const port = await freePort();
    playground = await startPlayground(`${host.url}/api/messages`, port);
    await waitForHttp(`http://127.0.0.1:${port}/`, playground);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page
      .locator("[data-lexical-editor=true][role=textbox]")
      .waitFor({ state: "visible", timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (playground) await stopPlayground(playground);
    await host?.stop();
  });

  it.skipIf(!hasChromium)(
    "answers `help` with the help card (skipped only where /usr/bin/chromium is missing)",
    async () => {
      await step("help", async () => {
        await say("help");
        await expect
          .poll(() => page.getByText("Dealflow: what I can do").count(), { timeout: 30_000 })
          .toBeGreaterThan(0);
        expect(await page.getByText(/your open tasks/).count()).toBeGreaterThan(0);
      });
    },
  );

  it.skipIf(!hasChromium)(
    "answers `status` with the pipeline summary of Marta, the demo manager (skipped only where /usr/bin/chromium is missing)",
    async () => {
      await step("status", async () => {
        await say("status");
        await expect
          .poll(() => page.getByText("Pipeline summary").count(), { timeout: 30_000 })
          .toBeGreaterThan(0);
        // Only managers see the undeliverable count: the Playground's user is Marta.
        await expect
          .poll(() => page.getByText("Undeliverable notifications").count(), { timeout: 10_000 })
          .toBeGreaterThan(0);
      });
    },
  );
});
