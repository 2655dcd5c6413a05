import { createServer, type Server } from "node:http";
import {
  type FunctionDefinition,
  type HttpFunctionDefinition,
  type Logger,
  type QueueFunctionDefinition,
  type TimerFunctionDefinition,
  validateDefinitions,
} from "@dealflow/functions/hosting";
import { createHttpRouter } from "./http/http-router.js";
import { createLoopbackGuard } from "./http/loopback-guard.js";
import { readHostJsonQueueSettings } from "./queues/host-json-queues.js";
import { createQueuePoller } from "./queues/queue-poller.js";
import { createRequestListener } from "./request-listener.js";
import { createStaticSite } from "./site/static-site.js";
import { createTimerScheduler } from "./timers/timer-scheduler.js";

export type LocalHostOptions = {
  definitions: readonly FunctionDefinition[];
  host: string;
  port: number;
  timers: "on" | "off";
  /** Where queue triggers read their queues (Azurite's, when the host started it). */
  storageConnectionString: string;
  /** The built tabs (tabs/dist); a placeholder page is served until it holds index.html. */
  siteRoot: string;
  clock: () => Date;
  log: Logger;
  /**
   * Answer only requests addressed to this machine's loopback names with our port, none a
   * proxy forwarded: required when dev auth or the anonymous bot is on (config/loopback-only.ts).
   */
  loopbackOnly: boolean;
  /** Where the queue trigger settings come from; by default the app's own host.json. */
  hostJsonFile?: string;
};

export type RunningLocalHost = {
  url: string;
  port: number;
  /**
   * Stops accepting connections, stops the timers and the queue polling, then waits for open
   * requests and running handlers to finish.
   */
  close(): Promise<void>;
};

const CLOSE_GRACE_MS = 5_000;

/** Serves the function definitions the way the Azure Functions host would, on one port. */
export const startLocalHost = async (options: LocalHostOptions): Promise<RunningLocalHost> => {
  const http = options.definitions.filter((d): d is HttpFunctionDefinition => d.trigger === "http");
  const timers = options.definitions.filter(
    (d): d is TimerFunctionDefinition => d.trigger === "timer",
  );
  const queues = options.definitions.filter(
    (d): d is QueueFunctionDefinition => d.trigger === "queue",
  );
  validateDefinitions(options.definitions);
  // The file Azure reads, so queue retries and poison moves behave alike in both hosts.
  const queueSettings = readHostJsonQueueSettings(options.hostJsonFile);

  const router = createHttpRouter(http);
  const scheduler = createTimerScheduler({
    definitions: timers,
    clock: options.clock,
    log: options.log,
  });
  const poller = createQueuePoller({
    definitions: queues,
    connectionString: options.storageConnectionString,
    log: options.log,
    ...queueSettings,
  });
  const server = createServer();
  const port = await listen(server, options.host, options.port);
  // Attached once the real port is known (PORT=0 picks one); no request can arrive before
  // this continuation runs.
  const url = `http://${formatHost(options.host)}:${port}`;
  server.on(
    "request",
    createRequestListener({
      router,
      site: createStaticSite(options.siteRoot),
      log: options.log,
      origin: url,
      ...(options.loopbackOnly
        ? { guard: createLoopbackGuard({ port, bindHost: options.host }) }
        : {}),
    }),
  );
  // Queue triggers deliver what is queued whether or not timers run (TIMERS only gates timers).
  try {
    await poller.start();
  } catch (error) {
    await poller.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  if (options.timers === "on") scheduler.start();

  return {
    url,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.all([scheduler.stop(), poller.stop()]);
      const forced = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(forced);
    },
  };
};

const listen = (server: Server, host: string, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });

const formatHost = (host: string) => (host.includes(":") ? `[${host}]` : host);
