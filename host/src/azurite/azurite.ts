import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import path from "node:path";

/** The well-known development account of Azurite (public, documented by Microsoft). */
const ACCOUNT = "devstoreaccount1";
const KEY =
  "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

const EXIT_WITH_PARENT = [
  "const [main, ...rest] = process.argv.slice(1);",
  "process.argv = [process.argv[0], main, ...rest];",
  'for (const e of ["end", "error"]) process.stdin.on(e, () => process.exit(0));',
  "process.stdin.resume();",
  // unref: the guard must not keep Azurite alive after Azurite's own SIGTERM shutdown.
  "process.stdin.unref();",
  "require(main);",
].join("\n");

export type AzuriteOptions = {
  /** Where Azurite keeps its files; omit to keep everything in memory (tests). */
  dataDir?: string;
  host?: string;
  tablePort?: number;
  queuePort?: number;
};

export type RunningAzurite = {
  connectionString: string;
  pid: number;
  tablePort: number;
  queuePort: number;
  stop(): Promise<void>;
};

export const freePort = (host = "127.0.0.1"): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

export const azuriteConnectionString = (host: string, tablePort: number, queuePort: number) =>
  [
    "DefaultEndpointsProtocol=http",
    `AccountName=${ACCOUNT}`,
    `AccountKey=${KEY}`,
    `TableEndpoint=http://${host}:${tablePort}/${ACCOUNT}`,
    `QueueEndpoint=http://${host}:${queuePort}/${ACCOUNT}`,
  ].join(";");

/**
 * Starts Azurite's table and queue services as a child `node` process (never npx), on
 * loopback, telemetry off. Resolves once both services accept connections.
 */
export const startAzurite = async (options: AzuriteOptions = {}): Promise<RunningAzurite> => {
  const host = options.host ?? "127.0.0.1";
  const tablePort = options.tablePort ?? (await freePort(host));
  const queuePort = options.queuePort ?? (await freePort(host));
  const require = createRequire(import.meta.url);
  const azuriteMain = path.join(
    path.dirname(require.resolve("azurite/package.json")),
    "dist/src/azurite.js",
  );
  const args = [
    azuriteMain,
    "--silent",
    "--disableTelemetry",
    "--skipApiVersionCheck",
    "--loose",
    "--blobPort",
    String(await freePort(host)),
    "--blobHost",
    host,
    "--tableHost",
    host,
    "--tablePort",
    String(tablePort),
    "--queueHost",
    host,
    "--queuePort",
    String(queuePort),
  ];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push("--location", options.dataDir);
  } else {
    args.push("--inMemoryPersistence");
  }
  // Azurite runs behind a two-line guard that exits when its stdin closes: the pipe from us
  // closes when we die, even by SIGKILL, so an orphaned Azurite never outlives its host.
  const child = spawn(process.execPath, ["-e", EXIT_WITH_PARENT, ...args], {
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    await waitForPorts(child, host, [tablePort, queuePort], () => stderr);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    connectionString: azuriteConnectionString(host, tablePort, queuePort),
    pid: child.pid ?? -1,
    tablePort,
    queuePort,
    stop: () => stopChild(child),
  };
};

const canConnect = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

const waitForPorts = async (
  child: ChildProcess,
  host: string,
  ports: number[],
  stderr: () => string,
): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Azurite exited with code ${child.exitCode}: ${stderr()}`);
    }
    const ready = await Promise.all(ports.map((port) => canConnect(host, port)));
    if (ready.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Azurite did not start within 30 s: ${stderr()}`);
};

/** SIGTERM by PID, then SIGKILL if it lingers: nothing of ours is left behind. */
const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
