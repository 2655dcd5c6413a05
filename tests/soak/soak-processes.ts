import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort, type RunningAzurite, startAzurite } from "../../host/src/azurite/azurite.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const require = createRequire(import.meta.url);

/** `tsc -b`, as `npm start` runs it first: the host child runs the built host/dist/main.js. */
export const buildHost = async () => {
  const child = spawn(process.execPath, [require.resolve("typescript/bin/tsc"), "-b"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`tsc -b failed with exit code ${code}`);
};

/** An Azurite on disk that can be stopped and started again on the same files and ports. */
/** Linux's USER_HZ: /proc reports CPU time in these ticks on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null where there
 * is no /proc (not Linux) or the process is gone.
 */
export const cpuSecondsOf = async (pid: number | null): Promise<number | null> => {
  if (pid === null) return null;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name, in brackets, may hold spaces; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
};

export const startSoakAzurite = async (dataDir: string) => {
  let running: RunningAzurite | null = await startAzurite({ dataDir });
  const { tablePort, queuePort, connectionString } = running;
  return {
    connectionString,
    /** The processes serving tables and queues now (others after a restart). */
    pids: () => running?.pids ?? null,
    /** Stopped by their PIDs (SIGINT: both services save their files), then started on the same ports. */
    async restart(downMs = 0) {
      await running?.stop();
      running = null;
      await new Promise((resolve) => setTimeout(resolve, downMs));
      running = await startAzurite({ dataDir, tablePort, queuePort });
    },
    stop: () => running?.stop() ?? Promise.resolve(),
  };
};

export type SoakHost = {
  url: string;
  pid: number | null;
  /** SIGKILL by PID: no shutdown, what a crashed machine does. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
};

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : once(child, "exit").then(() => undefined);

/**
 * The local host as `npm start` runs it (host/dist/main.js, its process entry), in a child
 * process on loopback over the given storage, timers off (the soak runs the sweep itself).
 */
export const spawnHost = async (connectionString: string, port?: number): Promise<SoakHost> => {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ["host/dist/main.js"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(chosen),
      AUTH_MODE: "dev",
      STORAGE_CONNECTION_STRING: connectionString,
      SEED: "demo",
      TIMERS: "off",
      // Each answer says how long it waited on tables and queues (docs/api.md).
      SERVER_TIMING: "on",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the host exited at start: ${output}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    // Our child must still be running: a health answer from another process on the port is not ours.
    if (ok && child.exitCode === null) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the host did not answer /api/health within 60 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid ?? null,
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.kill("SIGTERM");
      await exited(child);
      clearTimeout(timer);
    },
    output: () => output,
  };
};
