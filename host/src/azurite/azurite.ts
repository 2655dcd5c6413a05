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
  // unref: the guard must not keep Azurite alive after Azurite's own shutdown.
  "process.stdin.unref();",
  // Ctrl+C reaches the whole process group, then our stop sends SIGINT again: a service answers
  // the first by saving and closing, and this keeps a repeat from ending it mid-save.
  'process.on("SIGINT", () => {});',
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
  /** Its two processes: Table and Queue are two services, as in Azure, each on its own thread. */
  pids: { table: number; queue: number };
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

type Service = "table" | "queue";

/**
 * One Azurite service (its own `dist/src/<service>/main.js`) as a child `node` process behind
 * the exit-with-parent guard. Resolves once it accepts connections.
 */
const startService = async (
  service: Service,
  host: string,
  port: number,
  dataDir: string | undefined,
): Promise<ChildProcess> => {
  const require = createRequire(import.meta.url);
  const main = path.join(
    path.dirname(require.resolve("azurite/package.json")),
    `dist/src/${service}/main.js`,
  );
  const args = [
    main,
    "--silent",
    "--disableTelemetry",
    "--skipApiVersionCheck",
    "--loose",
    `--${service}Host`,
    host,
    `--${service}Port`,
    String(port),
  ];
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    args.push("--location", dataDir);
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
    await waitForPort(child, host, port, () => `${service}: ${stderr}`);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return child;
};

/**
 * Starts Azurite's table and queue services, each as its own child `node` process (never npx),
 * on loopback, telemetry off. In Azure the two are separate services: here too, so a queue
 * send never waits behind a table scan on one Node thread, nor a table call behind the queue.
 * On disk both keep their files in `dataDir` (Azurite's own file names, one per service).
 */
export const startAzurite = async (options: AzuriteOptions = {}): Promise<RunningAzurite> => {
  const host = options.host ?? "127.0.0.1";
  const tablePort = options.tablePort ?? (await freePort(host));
  const queuePort = options.queuePort ?? (await freePort(host));
  const started = await Promise.allSettled([
    startService("table", host, tablePort, options.dataDir),
    startService("queue", host, queuePort, options.dataDir),
  ]);
  const children = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await Promise.all(children.map(stopChild));
    throw failed.reason;
  }
  const [table, queue] = children as [ChildProcess, ChildProcess];
  return {
    connectionString: azuriteConnectionString(host, tablePort, queuePort),
    pids: { table: table.pid ?? -1, queue: queue.pid ?? -1 },
    tablePort,
    queuePort,
    stop: async () => {
      await Promise.all([stopChild(table), stopChild(queue)]);
    },
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

const waitForPort = async (
  child: ChildProcess,
  host: string,
  port: number,
  stderr: () => string,
): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Azurite exited with code ${child.exitCode}: ${stderr()}`);
    }
    if (await canConnect(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Azurite did not start within 30 s: ${stderr()}`);
};

/**
 * SIGINT by PID, then SIGKILL if it lingers: nothing of ours is left behind. SIGINT is the
 * signal both services' own entries answer by saving their files and closing. The table
 * service's entry has no SIGTERM handler: SIGTERM would end it unsaved, losing every write
 * since its last autosave (up to 5 s of acknowledged writes).
 */
const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGINT");
  });
