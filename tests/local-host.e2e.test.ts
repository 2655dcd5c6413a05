import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../host/src/azurite/azurite.js";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

type Started = { child: ChildProcess; output: () => string };

const startDealflow = (
  env: Record<string, string>,
  command: readonly string[] = [process.execPath, "scripts/start.mjs"],
): Started => {
  const [file = process.execPath, ...args] = command;
  const child = spawn(file, args, {
    cwd: REPO_ROOT,
    // A blank STORAGE_CONNECTION_STRING counts as unset, so the host starts its own Azurite.
    env: { ...process.env, STORAGE_CONNECTION_STRING: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { child, output: () => Buffer.concat(chunks).toString() };
};

const exitOf = async (child: ChildProcess, timeoutMs: number) => {
  if (child.exitCode === null && child.signalCode === null) {
    await Promise.race([
      once(child, "exit"),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no exit within ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
  }
  return { code: child.exitCode, signal: child.signalCode };
};

/** ppid of every live process, from /proc/<pid>/stat (fields after the parenthesised name). */
const parentsByPid = (): Map<number, number> => {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (state !== "Z") parents.set(Number(entry), Number(ppid));
    } catch {
      // The process ended while we were reading.
    }
  }
  return parents;
};

const descendantsOf = (root: number): number[] => {
  const parents = parentsByPid();
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const children = [...parents].filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...children);
    frontier = children;
  }
  return found;
};

const isAlive = (pid: number) => parentsByPid().has(pid);

const waitForHealth = async (url: string, child: ChildProcess, deadline: number) => {
  let last = "no answer";
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      const body: unknown = await response.json();
      if (response.status === 200) return body;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`health did not answer 200 in time (last: ${last})`);
};

/**
 * The host logs "running" just after it starts listening, so /api/health may answer before the
 * line is written, and a pipe hands it over later still: wait for it a little.
 */
const outputContaining = async (output: () => string, text: string, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!output().includes(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output();
};

describe("npm start (scripts/start.mjs)", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("answers /api/health within 30 s and leaves no process behind on SIGTERM", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dealflow-e2e-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const startedAt = Date.now();
    const { child, output } = startDealflow({
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED: "none",
    });
    const pid = child.pid ?? -1;
    let tree: number[] = [];
    cleanups.push(async () => {
      // Only if an assertion failed half-way: stop what this test started, by PID.
      for (const leftover of [pid, ...tree].filter(isAlive)) process.kill(leftover, "SIGKILL");
    });

    const health = await waitForHealth(
      `http://127.0.0.1:${port}/api/health`,
      child,
      startedAt + 30_000,
    ).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : error}\n${output()}`);
    });
    expect(health).toEqual({ status: "ok", storage: "ok" });
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    const running = `Dealflow is running at http://127.0.0.1:${port}`;
    expect(await outputContaining(output, running)).toContain(running);

    tree = descendantsOf(pid);
    expect(tree.length).toBeGreaterThan(0); // Azurite, at least
    process.kill(pid, "SIGTERM");
    const exit = await exitOf(child, 20_000);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(tree.filter(isAlive)).toEqual([]);
  });

  it("seeds the demo tenant under `npm start`, and SIGTERM to npm itself leaves nothing behind", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dealflow-e2e-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const { child, output } = startDealflow(
      { HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir },
      ["npm", "start"],
    );
    const pid = child.pid ?? -1;
    let tree: number[] = [];
    cleanups.push(async () => {
      for (const leftover of [pid, ...tree].filter(isAlive)) process.kill(leftover, "SIGKILL");
    });

    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, Date.now() + 60_000);
    expect(await outputContaining(output, "Seeded the demo tenant")).toContain(
      "Seeded the demo tenant",
    );
    tree = descendantsOf(pid);
    // npm does not pass SIGTERM on to its script: the host notices it was orphaned and stops.
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 15_000;
    while (tree.some(isAlive) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(tree.filter(isAlive)).toEqual([]);
  });

  it("refuses dev auth on a non-loopback HOST, before starting anything", async () => {
    const port = await freePort();
    const { child, output } = startDealflow({
      HOST: "0.0.0.0",
      PORT: String(port),
      AUTH_MODE: "dev",
      SEED: "none",
    });
    cleanups.push(async () => {
      if (child.exitCode === null && child.pid) process.kill(child.pid, "SIGKILL");
    });

    const exit = await exitOf(child, 60_000);

    expect(exit.code).not.toBe(0);
    expect(output()).toContain(
      "AUTH_MODE: dev mode is refused because HOST=0.0.0.0 is not a loopback address",
    );
    expect(output()).not.toContain("Azurite started");
    expect(output()).not.toContain("Dealflow is running");
  });
});
